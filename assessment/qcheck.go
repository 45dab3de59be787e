package assessment

import (
	"fmt"
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

func (c *checker) at(path, format string, args ...any) {
	n := strictyaml.NodeAt(c.root, path)
	c.diags = append(c.diags, Diagnostic{File: c.file, Line: n.Line, Column: n.Column, Path: path, Message: fmt.Sprintf(format, args...), Severity: c.sev})
}

// say records a catalogue message at a YAML path.
func (c *checker) say(path string, msg lang.Msg) {
	n := strictyaml.NodeAt(c.root, path)
	d := strictyaml.NewDiagnostic(c.file, n.Line, n.Column, path, msg)
	d.Severity = c.sev
	c.diags = append(c.diags, d)
}

func (c *checker) atKey(path, format string, args ...any) {
	n := strictyaml.KeyNodeAt(c.root, path)
	c.diags = append(c.diags, Diagnostic{File: c.file, Line: n.Line, Column: n.Column, Path: path, Message: fmt.Sprintf(format, args...), Severity: c.sev})
}

func (c *checker) warn(path, format string, args ...any) {
	c.sev = SevWarning
	c.at(path, format, args...)
	c.sev = SevError
}

// uniq reports ids that occur twice in a list.
func (c *checker) uniq(what string, ids []string, pathOf func(i int) string) map[string]bool {
	seen := make(map[string]int, len(ids))
	for i, id := range ids {
		if id == "" {
			continue
		}
		if first, dup := seen[id]; dup {
			c.at(pathOf(i), "%s «%s» finnes allerede (%s); hver id må være unik", what, id, pathOf(first))
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

func (c *checker) ref(path, what, id string, valid map[string]bool) {
	if valid[id] {
		return
	}
	names := make([]string, 0, len(valid))
	for k := range valid {
		names = append(names, k)
	}
	sort.Strings(names)
	msg := fmt.Sprintf("ukjent %s «%s»", what, id)
	if len(names) == 0 {
		msg += "; skjemaet definerer ingen (legg dem til øverst i skjemaet)"
	} else {
		msg += "; gyldige: " + strings.Join(names, ", ") + strictyaml.Meant(id, names)
	}
	c.at(path, "%s", msg)
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
	plans := c.uniq("planen", ids(len(q.Plans), func(i int) string { return q.Plans[i].ID }), idx("plans"))
	strategies := c.uniq("strategien", ids(len(q.Strategies), func(i int) string { return q.Strategies[i].ID }), idx("strategies"))
	tiers := c.uniq("tiltaksnivået", ids(len(q.Tiers), func(i int) string { return q.Tiers[i].ID }), idx("tiers"))
	steps := c.uniq("trinnet", ids(len(q.Steps), func(i int) string { return strconv.Itoa(q.Steps[i].ID) }), idx("steps"))
	examples := c.uniq("eksempelet", ids(len(q.Examples), func(i int) string { return q.Examples[i].ID }), idx("examples"))
	areas := c.uniq("området", ids(len(q.Areas), func(i int) string { return q.Areas[i].ID }), idx("areas"))

	q.checkPlans(c, plans)
	q.checkLanguages(c)
	if q.MinCoverage != nil && (*q.MinCoverage < 0 || *q.MinCoverage > 1) {
		c.at("min_coverage", "«min_coverage» er en andel mellom 0 og 1 (for eksempel 0.5), ikke %s", fmtNum(*q.MinCoverage))
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
			c.at(strictyaml.IndexPath("scale", i)+".value", "skalaverdiene må stige strengt: %s kommer etter %s", fmtNum(*p.Value), fmtNum(*q.Scale[i-1].Value))
			scaleOK = false
		}
	}
	if scaleOK {
		lo, hi = *q.Scale[0].Value, *q.Scale[len(q.Scale)-1].Value
	}
	inScale := func(path string, v float64, what string) {
		if scaleOK && (v < lo || v > hi) {
			c.at(path, "%s %s er utenfor skalaen; tillatt er %s til %s", what, fmtNum(v), fmtNum(lo), fmtNum(hi))
		}
	}
	if q.DefaultTarget != nil {
		inScale("default_target", *q.DefaultTarget, "standardmålet")
	}

	// Levels: ascending by min, first min 0, all in [0,100].
	for i, l := range q.Levels {
		if l.Min == nil {
			continue
		}
		p := strictyaml.IndexPath("levels", i) + ".min"
		switch {
		case *l.Min < 0 || *l.Min > 100:
			c.at(p, "nivågrensen %s er utenfor 0–100", fmtNum(*l.Min))
		case i == 0 && *l.Min != 0:
			c.at(p, "det første modenhetsnivået må begynne på 0, ikke %s", fmtNum(*l.Min))
		case i > 0 && q.Levels[i-1].Min != nil && *l.Min <= *q.Levels[i-1].Min:
			c.at(p, "modenhetsnivåene må stå i stigende rekkefølge etter «min»: %s kommer etter %s", fmtNum(*l.Min), fmtNum(*q.Levels[i-1].Min))
		}
	}
	for i, s := range q.Steps {
		if s.ID < 1 || s.ID > 5 {
			c.at(strictyaml.IndexPath("steps", i)+".id", "trinn må være 1–5, ikke %d", s.ID)
		}
	}
	for i, e := range q.Examples {
		for j, a := range e.Areas {
			c.ref(strictyaml.IndexPath(strictyaml.IndexPath("examples", i)+".areas", j), "område", a, areas)
		}
	}

	// Questions.
	var qids []string
	var qpaths []string
	for ai := range q.Areas {
		a := &q.Areas[ai]
		ap := strictyaml.IndexPath("areas", ai)
		for j, p := range a.Plans {
			c.ref(strictyaml.IndexPath(ap+".plans", j), "plan", p, plans)
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
				c.ref(strictyaml.IndexPath(qp+".plans", j), "plan", p, plans)
			}
			for j, e := range qu.Examples {
				c.ref(strictyaml.IndexPath(qp+".examples", j), "eksempel", e, examples)
			}
			if qu.Strategy != "" {
				c.ref(qp+".strategy", "R-strategi", qu.Strategy, strategies)
			}
			if qu.Step != 0 {
				c.ref(qp+".step", "trinn", strconv.Itoa(qu.Step), steps)
			}
			if qu.Tier != "" {
				c.ref(qp+".tier", "tiltaksnivå", qu.Tier, tiers)
			}
			if t.Scored() && qu.Step == 0 && qu.Tier == "" {
				c.at(qp, "spørsmålet «%s» teller i skåren, men har verken «step» eller «tier»; gi det et trinn (1–5), et tiltaksnivå (I–III) eller begge", qu.ID)
			}
			c.uniq("alternativet", optIDs(qu), idx(qp+".options"))
			switch t {
			case TypeChoice, TypeMulti:
				if len(qu.Options) == 0 {
					c.at(qp, "spørsmål av typen %s må ha «options» (en liste av {id, label, score})", t)
				}
				var best, sum float64
				allScored := true
				for oi, o := range qu.Options {
					if o.Score == nil {
						allScored = false
						continue
					}
					if *o.Score < 0 || *o.Score > 1 {
						c.at(strictyaml.IndexPath(qp+".options", oi)+".score", "poengsummen %s er utenfor 0–1", fmtNum(*o.Score))
					}
					best = math.Max(best, *o.Score)
					sum += *o.Score
				}
				if allScored && len(qu.Options) > 0 {
					if t == TypeChoice && best != 1 {
						c.at(qp+".options", "det beste alternativet i et choice-spørsmål må ha score 1 (nå %s), ellers kan ingen få full skår", fmtNum(best))
					}
					if t == TypeMulti && sum < 1 {
						c.at(qp+".options", "summen av alternativenes score i et multi-spørsmål må være minst 1 (nå %s), ellers kan ingen få full skår", fmtNum(sum))
					}
				}
			default:
				if len(qu.Options) > 0 {
					c.at(qp+".options", "«options» brukes bare for typene choice og multi, ikke %s", t)
				}
			}
			if t == TypeNumber {
				switch {
				case qu.Scoring == nil:
					c.at(qp, "spørsmål av typen number må ha «scoring: {worst: …, best: …}»")
				case qu.Scoring.Worst != nil && qu.Scoring.Best != nil && *qu.Scoring.Worst == *qu.Scoring.Best:
					c.at(qp+".scoring", "«worst» og «best» må være forskjellige (begge er %s)", fmtNum(*qu.Scoring.Worst))
				}
			} else if qu.Scoring != nil {
				c.at(qp+".scoring", "«scoring» brukes bare for typen number, ikke %s", t)
			}
			if t == TypeNumber {
				if qu.Min != nil && qu.Max != nil && *qu.Min >= *qu.Max {
					c.at(qp+".max", "«max» (%s) må være større enn «min» (%s)", fmtNum(*qu.Max), fmtNum(*qu.Min))
				}
			} else {
				if qu.Min != nil {
					c.at(qp+".min", "«min» og «max» brukes bare for typen number, ikke %s", t)
				}
				if qu.Max != nil {
					c.at(qp+".max", "«min» og «max» brukes bare for typen number, ikke %s", t)
				}
			}
			for j, r := range qu.Replaces {
				if !reIdent.MatchString(r) {
					c.at(strictyaml.IndexPath(qp+".replaces", j), "ugyldig id «%s» i «replaces»; bruk id-en spørsmålet hadde i forrige versjon", r)
				}
			}
			if qu.Target != nil {
				if t == TypeScale {
					inScale(qp+".target", *qu.Target, "målet")
				} else if *qu.Target < 0 || *qu.Target > 1 {
					c.at(qp+".target", "målet %s er utenfor 0–1; for spørsmål av typen %s er målet en andel mellom 0 og 1", fmtNum(*qu.Target), t)
				}
			}
		}
	}
	c.uniq("spørsmålet", qids, func(i int) string { return qpaths[i] })
	if len(qids) > maxQuestions {
		c.at("areas", "skjemaet har %d spørsmål; grensen er %d", len(qids), maxQuestions)
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
				c.at(pp+".parent", "planen «%s» kan ikke være sin egen overordnede plan", p.ID)
			case !plans[p.Parent]:
				c.ref(pp+".parent", "plan", p.Parent, plans)
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
				c.at(pp+".cycle", "en plan med «rule: %s» må si hvilken måned den vedtas («month: 1–12»)", cy.Rule)
			}
		case CycleDecided:
			if cy.Month != nil {
				c.at(pp+".cycle.month", "«month» har ingen betydning for «rule: decided»: neste revisjon står i kommunens svarfil (plans.%s.next); fjern «month» eller bruk «yearly»/«election»", p.ID)
			}
			if cy.LeadMonths != nil {
				c.at(pp+".cycle.lead_months", "«lead_months» har ingen betydning for «rule: decided»; fjern den, eller bruk «yearly»/«election»")
			}
		}
		if cy.Month != nil && (*cy.Month < 1 || *cy.Month > 12) {
			c.at(pp+".cycle.month", "måneden må være 1–12, ikke %d", *cy.Month)
		}
	}
	// A loop through parents would leave a sub-plan without a cycle.
	for i, p := range q.Plans {
		seen := map[string]bool{p.ID: true}
		for cur := parent[p.ID]; cur != ""; cur = parent[cur] {
			if seen[cur] {
				if cur == p.ID {
					c.at(strictyaml.IndexPath("plans", i)+".parent", "planene danner en ring gjennom «parent» (%s → … → %s); en plan kan ikke ligge under seg selv", p.ID, p.ID)
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
