package assessment

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/strictyaml"
)

// Prefer says how Merge settles a question answered differently in two
// parts.
type Prefer int

const (
	// PreferNone settles nothing: every conflict is reported.
	PreferNone Prefer = iota
	// PreferFirst takes the answer of the first part that has one.
	PreferFirst
	// PreferLast takes the answer of the last part that has one.
	PreferLast
)

// Conflict is a question (or an area target, or a field of a plan's
// status) answered differently.
type Conflict struct {
	Question string // the question id; "" for a target or a plan
	Area     string // the area of a target
	Plan     string // the plan of a plan status field
	Field    string // that field: adopted, next or status
	Values   []ConflictValue
	Chosen   int // index into Values of the answer kept (with Prefer)
}

// ConflictValue is one part's answer in a conflict, in the question's own
// units (scale value and label, ja/nei, option ids, number, text).
type ConflictValue struct {
	File  string
	Value string // in bokmål
	shown any    // the value for In: a lang.Localized or a plain string
}

// In is the value in p's language.
func (v ConflictValue) In(p *lang.Printer) string {
	switch s := v.shown.(type) {
	case nil:
		return v.Value
	case lang.Localized:
		return s.Localize(p)
	default:
		return fmt.Sprint(s)
	}
}

// String describes the conflict in bokmål on one line.
func (c Conflict) String() string { return c.In(lang.For(lang.NB)) }

// In describes the conflict in p's language on one line.
func (c Conflict) In(p *lang.Printer) string {
	what := lang.M("conflict-question", "ID", c.Question)
	switch {
	case c.Plan != "":
		what = lang.M("conflict-plan", "Plan", c.Plan, "Field", c.Field)
	case c.Question == "":
		what = lang.M("conflict-target", "Area", c.Area)
	}
	parts := make([]string, len(c.Values))
	for i, v := range c.Values {
		parts[i] = p.T("conflict-value", "Value", v.In(p), "File", v.File)
	}
	return what.In(p) + ": " + strings.Join(parts, ", ")
}

// Merge combines partial answers to q from several files (YAML or answer
// workbooks) for one municipality. Every part must have been checked
// against q without errors. Answers to different questions are united;
// equal answers are kept once with their comments joined and their
// evidence united; an answer's comment, evidence and «by» travel with its
// value, and an answer that names nobody is by its part's only respondent;
// respondents are united and the latest date is kept. Answers to questions q does not have
// are left out. Parts for another municipality or questionnaire are
// refused (Diagnostics); conflicts are returned, and with PreferNone the
// merged answers must not be used.
func Merge(q *Questionnaire, checked []*Checked, prefer Prefer) (*Answers, []Conflict, Diagnostics) {
	parts := make([]*Answers, len(checked))
	for i, c := range checked {
		parts[i] = c.Answers
	}
	if ds := sameSubject(q, parts); ds != nil {
		return nil, nil, ds
	}
	first := parts[0]
	out := &Answers{
		Kind:          KindAnswers,
		Questionnaire: q.Ref(),
		Municipality:  first.Municipality,
	}
	for _, p := range parts {
		out.Respondents = mergeRespondents(out.Respondents, p.Respondents)
		if p.Date.IsSet() && (!out.Date.IsSet() || p.Date.After(out.Date.Time)) {
			out.Date = p.Date
		}
	}
	var conflicts []Conflict
	for _, a := range q.Areas {
		if c, ok := mergeTarget(q, a.ID, parts, prefer, out); !ok {
			conflicts = append(conflicts, c)
		}
	}
	for _, p := range q.Plans {
		conflicts = append(conflicts, mergePlan(p.ID, parts, prefer, out)...)
	}
	q.AllQuestions(func(_ *Area, qu *Question) {
		if c, ok := mergeAnswer(q, qu, checked, prefer, out); !ok {
			conflicts = append(conflicts, c)
		}
	})
	out.Answers.set = true
	// Values are shown only where parts disagree.
	nb := lang.For(lang.NB)
	for i := range conflicts {
		for j := range conflicts[i].Values {
			v := &conflicts[i].Values[j]
			v.Value = v.In(nb)
		}
	}
	return out, conflicts, nil
}

// sameSubject refuses parts for other questionnaires or municipalities.
func sameSubject(q *Questionnaire, parts []*Answers) Diagnostics {
	var ds Diagnostics
	first := parts[0]
	for _, p := range parts {
		switch {
		case p.Questionnaire != first.Questionnaire:
			ds = append(ds, strictyaml.NewDiagnostic(p.File, 0, 0, "", lang.M("merge-other-questionnaire",
				"Ref", p.Questionnaire.ID+"@"+p.Questionnaire.Version, "First", first.File,
				"FirstRef", first.Questionnaire.ID+"@"+first.Questionnaire.Version)))
		case p.Municipality.Number != first.Municipality.Number:
			ds = append(ds, strictyaml.NewDiagnostic(p.File, 0, 0, "", lang.M("merge-other-municipality",
				"Name", p.Municipality.Name, "Number", p.Municipality.Number, "First", first.File,
				"FirstName", first.Municipality.Name, "FirstNumber", first.Municipality.Number)))
		}
	}
	return ds
}

// mergeRespondents adds the respondents of more that are not in have yet
// (by name), filling in a role or e-mail that an earlier mention lacks.
func mergeRespondents(have, more []Respondent) []Respondent {
	for _, r := range more {
		i := slices.IndexFunc(have, func(h Respondent) bool {
			return strings.EqualFold(strings.TrimSpace(h.Name), strings.TrimSpace(r.Name))
		})
		if i < 0 {
			have = append(have, r)
			continue
		}
		if have[i].Role == "" {
			have[i].Role = r.Role
		}
		if have[i].Email == "" {
			have[i].Email = r.Email
		}
	}
	return have
}

func mergeTarget(q *Questionnaire, area string, parts []*Answers, prefer Prefer, out *Answers) (Conflict, bool) {
	c := Conflict{Area: area}
	v, ok := mergeField(&c, parts, prefer, func(p *Answers) (float64, bool) {
		v, ok := p.Targets[area]
		return v, ok
	}, func(v float64) any { return scaleText(q, v) })
	if len(c.Values) > 0 {
		if out.Targets == nil {
			out.Targets = make(map[string]float64)
		}
		out.Targets[area] = v
	}
	return c, ok
}

// mergePlan merges one plan's status field by field, like targets: a
// field given differently is a conflict of its own. A plan any part lists
// is kept, even with no field given.
func mergePlan(plan string, parts []*Answers, prefer Prefer, out *Answers) []Conflict {
	listed := false
	for _, p := range parts {
		_, ok := p.Plans[plan]
		listed = listed || ok
	}
	if !listed {
		return nil
	}
	var conflicts []Conflict
	keep := func(c Conflict, agree bool) {
		if !agree {
			conflicts = append(conflicts, c)
		}
	}
	when := func(field string, get func(PlanStatus) YearMonth) YearMonth {
		c := Conflict{Plan: plan, Field: field}
		v, agree := mergeField(&c, parts, prefer, func(p *Answers) (YearMonth, bool) {
			v := get(p.Plans[plan])
			return v, v.IsSet()
		}, func(v YearMonth) any { return v.String() })
		keep(c, agree)
		return v
	}
	var st PlanStatus
	st.Adopted = when("adopted", func(s PlanStatus) YearMonth { return s.Adopted })
	st.Next = when("next", func(s PlanStatus) YearMonth { return s.Next })
	c := Conflict{Plan: plan, Field: "status"}
	var agree bool
	st.Status, agree = mergeField(&c, parts, prefer, func(p *Answers) (string, bool) {
		s := p.Plans[plan].Status
		return s, s != ""
	}, func(s string) any { return quoteVal(s) })
	keep(c, agree)
	if out.Plans == nil {
		out.Plans = make(map[string]PlanStatus)
	}
	out.Plans[plan] = st
	return conflicts
}

// mergeField collects the value each part gives (get reports whether it
// gives one) into c.Values and picks one by prefer; it reports false when
// the parts disagree. show makes a value readable, when there is a
// conflict to show.
func mergeField[V comparable](c *Conflict, parts []*Answers, prefer Prefer, get func(*Answers) (V, bool), show func(V) any) (V, bool) {
	var values []V
	for _, p := range parts {
		if v, ok := get(p); ok {
			c.Values = append(c.Values, ConflictValue{File: p.File, shown: show(v)})
			values = append(values, v)
		}
	}
	var zero V
	if len(values) == 0 {
		return zero, true
	}
	chosen := 0
	if prefer == PreferLast {
		chosen = len(values) - 1
	}
	for _, v := range values[1:] {
		if v != values[0] {
			c.Chosen = chosen
			return values[chosen], false
		}
	}
	return values[chosen], true
}

// mergeAnswer merges the answers to one question into out; it reports a
// conflict when the parts give different values. An answer's comment, who
// gave it and its evidence travel with its value: where the parts
// disagree, the chosen answer keeps its own; where they agree, comments
// are joined and evidence is united. An answer that names nobody is given
// by its part's only respondent, when the part has one.
func mergeAnswer(q *Questionnaire, qu *Question, parts []*Checked, prefer Prefer, out *Answers) (Conflict, bool) {
	c := Conflict{Question: qu.ID}
	var given []*Answer // answers with a value, in part order
	var values []Value
	var comments, evidence []string
	by := ""
	for _, p := range parts {
		a, ok := p.Answers.Answers.Get(qu.ID)
		if !ok {
			continue
		}
		a = withBy(a, p.Answers.Respondents)
		if a.Comment != "" && !slices.Contains(comments, a.Comment) {
			comments = append(comments, a.Comment)
		}
		evidence = uniteEvidence(evidence, a.Evidence)
		if v := p.Value(qu); v.Kind != ValueNone {
			given = append(given, a)
			values = append(values, v)
			c.Values = append(c.Values, ConflictValue{File: p.Answers.File, shown: label(q, qu, v)})
		} else if by == "" {
			by = a.By
		}
	}
	if len(given) == 0 {
		if len(comments) > 0 || len(evidence) > 0 || by != "" {
			out.Answers.Set(qu.ID, &Answer{Empty: true, Comment: strings.Join(comments, "\n"), By: by, Evidence: evidence})
		}
		return c, true
	}
	agree := true
	for _, v := range values[1:] {
		if !SameValue(values[0], v) {
			agree = false
		}
	}
	chosen := 0
	if prefer == PreferLast {
		chosen = len(given) - 1
	}
	// The merged file gets the canonical spelling, whatever input (a file,
	// an answer sheet) the answer came from.
	merged := NewAnswer(qu, values[chosen])
	merged.Comment, merged.Note = given[chosen].Comment, given[chosen].Note
	merged.By, merged.Evidence = given[chosen].By, slices.Clone(given[chosen].Evidence)
	if agree {
		merged.Comment = strings.Join(comments, "\n")
		merged.Evidence = evidence
		for _, g := range given {
			if merged.By == "" {
				merged.By = g.By
			}
		}
	}
	out.Answers.Set(qu.ID, merged)
	c.Chosen = chosen
	return c, agree
}

// withBy is a, or a copy of it given by the only respondent of its part
// when it names nobody: a part one person answered says who answered.
func withBy(a *Answer, respondents []Respondent) *Answer {
	if a.By != "" || len(respondents) != 1 || strings.TrimSpace(respondents[0].Name) == "" {
		return a
	}
	c := *a
	c.By = strings.TrimSpace(respondents[0].Name)
	return &c
}

// uniteEvidence adds the items of more that have is missing, in order.
func uniteEvidence(have, more []string) []string {
	for _, e := range more {
		if !slices.Contains(have, e) {
			have = append(have, e)
		}
	}
	return have
}
