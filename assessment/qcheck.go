package assessment

import (
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/sirkel/sirkel/assessment/lang"

	"github.com/sirkel/sirkel/assessment/strictyaml"

	"go.yaml.in/yaml/v3"
)

// maxQuestions bounds the size of a questionnaire; the default has ~80.
const maxQuestions = 2000

// checker collects cross-check diagnostics positioned by YAML path.
type checker struct {
	file  string
	root  *yaml.Node
	diags Diagnostics
	sev   Severity
}

// say records a catalogue message at a YAML path.
func (c *checker) say(path string, msg lang.Msg) { c.sayAt(strictyaml.NodeAt(c.root, path), path, msg) }

// sayKey records a catalogue message at the key of a YAML path.
func (c *checker) sayKey(path string, msg lang.Msg) {
	c.sayAt(strictyaml.KeyNodeAt(c.root, path), path, msg)
}

func (c *checker) sayAt(n *yaml.Node, path string, msg lang.Msg) {
	d := strictyaml.NewDiagnostic(c.file, n.Line, n.Column, path, msg)
	d.Severity = c.sev
	c.diags = append(c.diags, d)
}

// warn records a catalogue message at a YAML path as a warning.
func (c *checker) warn(path string, msg lang.Msg) {
	c.sev = SevWarning
	c.say(path, msg)
	c.sev = SevError
}

// uniq reports ids that occur twice in a list; what names the kind of
// thing («planen»).
func (c *checker) uniq(what lang.Msg, ids []string, pathOf func(i int) string) map[string]bool {
	seen := make(map[string]int, len(ids))
	for i, id := range ids {
		if id == "" {
			continue
		}
		if first, dup := seen[id]; dup {
			c.say(pathOf(i), lang.M("id-duplicate", "What", what, "ID", id, "First", pathOf(first)))
			continue
		}
		seen[id] = i
	}
	set := make(map[string]bool, len(seen))
	for id := range seen {
		set[id] = true
	}
	return set
}

// ref reports an id that is not among the valid ones; unknown says
// what it is not («ukjent plan»).
func (c *checker) ref(path string, unknown lang.Msg, id string, valid map[string]bool) {
	if valid[id] {
		return
	}
	names := make([]string, 0, len(valid))
	for k := range valid {
		names = append(names, k)
	}
	sort.Strings(names)
	if len(names) == 0 {
		c.say(path, lang.M("ref-unknown-none-defined", "Unknown", unknown, "ID", id))
		return
	}
	c.say(path, lang.M("ref-unknown", "Unknown", unknown, "ID", id, "Valid", strings.Join(names, ", "), "Meant", strictyaml.Meant(id, names)))
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// crossCheck does the checks beyond field types: unique ids, references
// that resolve, ascending scales and levels, reachable full marks, targets
// in range.
func (q *Questionnaire) crossCheck(file string, root *yaml.Node) Diagnostics {
	c := &checker{file: file, root: root}
	idx := func(prefix string) func(int) string {
		return func(i int) string { return strictyaml.IndexPath(prefix, i) + ".id" }
	}
	ids := func(n int, get func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = get(i)
		}
		return out
	}
	plans := c.uniq(lang.M("the-plan"), ids(len(q.Plans), func(i int) string { return q.Plans[i].ID }), idx("plans"))
	strategies := c.uniq(lang.M("the-strategy"), ids(len(q.Strategies), func(i int) string { return q.Strategies[i].ID }), idx("strategies"))
	tiers := c.uniq(lang.M("the-tier"), ids(len(q.Tiers), func(i int) string { return q.Tiers[i].ID }), idx("tiers"))
	steps := c.uniq(lang.M("the-step"), ids(len(q.Steps), func(i int) string { return strconv.Itoa(q.Steps[i].ID) }), idx("steps"))
	examples := c.uniq(lang.M("the-example"), ids(len(q.Examples), func(i int) string { return q.Examples[i].ID }), idx("examples"))
	areas := c.uniq(lang.M("the-area"), ids(len(q.Areas), func(i int) string { return q.Areas[i].ID }), idx("areas"))

	q.checkPlans(c, plans)
	q.checkLanguages(c)
	if q.MinCoverage != nil && (*q.MinCoverage < 0 || *q.MinCoverage > 1) {
		c.say("min_coverage", lang.M("questionnaire-min-coverage", "Value", fmtNum(*q.MinCoverage)))
	}

	// Scale: strictly ascending values.
	var lo, hi float64
	scaleOK := len(q.Scale) >= 2
	for i, p := range q.Scale {
		if p.Value == nil {
			scaleOK = false
			continue
		}
		if i > 0 && q.Scale[i-1].Value != nil && *p.Value <= *q.Scale[i-1].Value {
			c.say(strictyaml.IndexPath("scale", i)+".value", lang.M("questionnaire-scale-order", "Value", fmtNum(*p.Value), "Previous", fmtNum(*q.Scale[i-1].Value)))
			scaleOK = false
		}
	}
	if scaleOK {
		lo, hi = *q.Scale[0].Value, *q.Scale[len(q.Scale)-1].Value
	}
	inScale := func(path string, v float64, what lang.Msg) {
		if scaleOK && (v < lo || v > hi) {
			c.say(path, lang.M("questionnaire-outside-scale", "What", what, "Value", fmtNum(v), "Lo", fmtNum(lo), "Hi", fmtNum(hi)))
		}
	}
	if q.DefaultTarget != nil {
		inScale("default_target", *q.DefaultTarget, lang.M("the-default-target"))
	}

	// Levels: ascending by min, first min 0, all in [0,100].
	for i, l := range q.Levels {
		if l.Min == nil {
			continue
		}
		p := strictyaml.IndexPath("levels", i) + ".min"
		switch {
		case *l.Min < 0 || *l.Min > 100:
			c.say(p, lang.M("questionnaire-level-outside", "Min", fmtNum(*l.Min)))
		case i == 0 && *l.Min != 0:
			c.say(p, lang.M("questionnaire-first-level", "Min", fmtNum(*l.Min)))
		case i > 0 && q.Levels[i-1].Min != nil && *l.Min <= *q.Levels[i-1].Min:
			c.say(p, lang.M("questionnaire-level-order", "Min", fmtNum(*l.Min), "Previous", fmtNum(*q.Levels[i-1].Min)))
		}
	}
	for i, s := range q.Steps {
		if s.ID < 1 || s.ID > 5 {
			c.say(strictyaml.IndexPath("steps", i)+".id", lang.M("questionnaire-step-range", "ID", s.ID))
		}
	}
	for i, e := range q.Examples {
		for j, a := range e.Areas {
			c.ref(strictyaml.IndexPath(strictyaml.IndexPath("examples", i)+".areas", j), lang.M("ref-unknown-area"), a, areas)
		}
	}

	// Questions.
	var qids []string
	var qpaths []string
	for ai := range q.Areas {
		a := &q.Areas[ai]
		ap := strictyaml.IndexPath("areas", ai)
		for j, p := range a.Plans {
			c.ref(strictyaml.IndexPath(ap+".plans", j), lang.M("ref-unknown-plan"), p, plans)
		}
		optIDs := func(qu *Question) []string {
			out := make([]string, len(qu.Options))
			for i, o := range qu.Options {
				out[i] = o.ID
			}
			return out
		}
		for qi := range a.Questions {
			qu := &a.Questions[qi]
			qp := strictyaml.IndexPath(ap+".questions", qi)
			qids = append(qids, qu.ID)
			qpaths = append(qpaths, qp+".id")
			t := qu.EffectiveType()
			for j, p := range qu.Plans {
				c.ref(strictyaml.IndexPath(qp+".plans", j), lang.M("ref-unknown-plan"), p, plans)
			}
			for j, e := range qu.Examples {
				c.ref(strictyaml.IndexPath(qp+".examples", j), lang.M("ref-unknown-example"), e, examples)
			}
			if qu.Strategy != "" {
				c.ref(qp+".strategy", lang.M("ref-unknown-strategy"), qu.Strategy, strategies)
			}
			if qu.Step != 0 {
				c.ref(qp+".step", lang.M("ref-unknown-step"), strconv.Itoa(qu.Step), steps)
			}
			if qu.Tier != "" {
				c.ref(qp+".tier", lang.M("ref-unknown-tier"), qu.Tier, tiers)
			}
			if t.Scored() && qu.Step == 0 && qu.Tier == "" {
				c.say(qp, lang.M("questionnaire-no-step-or-tier", "ID", qu.ID))
			}
			c.uniq(lang.M("the-option"), optIDs(qu), idx(qp+".options"))
			switch t {
			case TypeChoice, TypeMulti:
				if len(qu.Options) == 0 {
					c.say(qp, lang.M("questionnaire-options-missing", "Type", string(t)))
				}
				var best, sum float64
				allScored := true
				for oi, o := range qu.Options {
					if o.Score == nil {
						allScored = false
						continue
					}
					if *o.Score < 0 || *o.Score > 1 {
						c.say(strictyaml.IndexPath(qp+".options", oi)+".score", lang.M("questionnaire-option-score", "Score", fmtNum(*o.Score)))
					}
					best = math.Max(best, *o.Score)
					sum += *o.Score
				}
				if allScored && len(qu.Options) > 0 {
					if t == TypeChoice && best != 1 {
						c.say(qp+".options", lang.M("questionnaire-choice-best", "Best", fmtNum(best)))
					}
					if t == TypeMulti && sum < 1 {
						c.say(qp+".options", lang.M("questionnaire-multi-sum", "Sum", fmtNum(sum)))
					}
				}
			default:
				if len(qu.Options) > 0 {
					c.say(qp+".options", lang.M("questionnaire-options-not-used", "Type", string(t)))
				}
			}
			if t == TypeNumber {
				switch {
				case qu.Scoring == nil:
					c.say(qp, lang.M("questionnaire-scoring-missing"))
				case qu.Scoring.Worst != nil && qu.Scoring.Best != nil && *qu.Scoring.Worst == *qu.Scoring.Best:
					c.say(qp+".scoring", lang.M("questionnaire-scoring-equal", "Value", fmtNum(*qu.Scoring.Worst)))
				}
			} else if qu.Scoring != nil {
				c.say(qp+".scoring", lang.M("questionnaire-scoring-not-used", "Type", string(t)))
			}
			if t == TypeNumber {
				if qu.Min != nil && qu.Max != nil && *qu.Min >= *qu.Max {
					c.say(qp+".max", lang.M("questionnaire-max-not-above-min", "Max", fmtNum(*qu.Max), "Min", fmtNum(*qu.Min)))
				}
			} else {
				if qu.Min != nil {
					c.say(qp+".min", lang.M("questionnaire-min-max-not-used", "Type", string(t)))
				}
				if qu.Max != nil {
					c.say(qp+".max", lang.M("questionnaire-min-max-not-used", "Type", string(t)))
				}
			}
			for j, r := range qu.Replaces {
				if !reIdent.MatchString(r) {
					c.say(strictyaml.IndexPath(qp+".replaces", j), lang.M("questionnaire-replaces-invalid", "ID", r))
				}
			}
			if qu.Target != nil {
				if t == TypeScale {
					inScale(qp+".target", *qu.Target, lang.M("the-target"))
				} else if *qu.Target < 0 || *qu.Target > 1 {
					c.say(qp+".target", lang.M("questionnaire-target-share", "Target", fmtNum(*qu.Target), "Type", string(t)))
				}
			}
		}
	}
	c.uniq(lang.M("the-question"), qids, func(i int) string { return qpaths[i] })
	if len(qids) > maxQuestions {
		c.say("areas", lang.M("questionnaire-too-many-questions", "N", len(qids), "Max", maxQuestions))
	}
	return c.diags
}

// checkPlans checks the plan model: parents resolve without loops, and a
// cycle has exactly the fields its rule uses.
func (q *Questionnaire) checkPlans(c *checker, plans map[string]bool) {
	parent := make(map[string]string, len(q.Plans))
	for i, p := range q.Plans {
		pp := strictyaml.IndexPath("plans", i)
		if p.Parent != "" {
			switch {
			case p.Parent == p.ID:
				c.say(pp+".parent", lang.M("plan-own-parent", "ID", p.ID))
			case !plans[p.Parent]:
				c.ref(pp+".parent", lang.M("ref-unknown-plan"), p.Parent, plans)
			default:
				parent[p.ID] = p.Parent
			}
		}
		cy := p.Cycle
		if cy == nil {
			continue
		}
		switch cy.Rule {
		case CycleYearly, CycleElection:
			if cy.Month == nil {
				c.say(pp+".cycle", lang.M("plan-cycle-month-missing", "Rule", string(cy.Rule)))
			}
		case CycleDecided:
			if cy.Month != nil {
				c.say(pp+".cycle.month", lang.M("plan-cycle-month-decided", "ID", p.ID))
			}
			if cy.LeadMonths != nil {
				c.say(pp+".cycle.lead_months", lang.M("plan-cycle-lead-decided"))
			}
		}
		if cy.Month != nil && (*cy.Month < 1 || *cy.Month > 12) {
			c.say(pp+".cycle.month", lang.M("plan-cycle-month-range", "Month", *cy.Month))
		}
	}
	// A loop through parents would leave a sub-plan without a cycle.
	for i, p := range q.Plans {
		seen := map[string]bool{p.ID: true}
		for cur := parent[p.ID]; cur != ""; cur = parent[cur] {
			if seen[cur] {
				if cur == p.ID {
					c.say(strictyaml.IndexPath("plans", i)+".parent", lang.M("plan-parent-loop", "ID", p.ID))
				}
				break
			}
			seen[cur] = true
		}
	}
}

// checkLanguages requires every text in each declared language, so that a
// nynorsk report never falls back to bokmål in the middle of a sentence.
func (q *Questionnaire) checkLanguages(c *checker) {
	var want []string
	for _, l := range q.Languages {
		if l != "nb" {
			want = append(want, l)
		}
	}
	if len(want) == 0 {
		return
	}
	walkTexts(reflect.ValueOf(q).Elem(), "", func(path string, t Text) {
		if t.IsZero() {
			return
		}
		for _, l := range want {
			if l == "nn" && t.NN == "" || l == "en" && t.EN == "" {
				c.say(path, lang.M("text-missing-language", "Lang", l, "Languages", strings.Join(q.Languages, ", ")))
			}
		}
	})
}

var textType = reflect.TypeFor[Text]()

// walkTexts calls fn for every Text in v with its YAML path.
func walkTexts(v reflect.Value, path string, fn func(path string, t Text)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkTexts(v.Elem(), path, fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkTexts(v.Index(i), strictyaml.IndexPath(path, i), fn)
		}
	case reflect.Struct:
		if v.Type() == textType {
			fn(path, v.Interface().(Text))
			return
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			name := strings.Split(f.Tag.Get("yaml"), ",")[0]
			if !f.IsExported() || name == "" || name == "-" {
				continue
			}
			walkTexts(v.Field(i), strictyaml.JoinPath(path, name), fn)
		}
	}
}
