package assessment

import (
	"strconv"
	"strings"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/register"
	"github.com/sirkel/sirkel/assessment/strictyaml"
)

// CheckOptions tune the answer checks.
type CheckOptions struct {
	// IgnoreUnknown turns answers to unknown question ids into warnings.
	IgnoreUnknown bool
}

// Checked is an answers file read against one questionnaire: every answer
// interpreted for its question. Only Check makes one, so scoring can never
// run on answers that were not checked against the same questionnaire.
type Checked struct {
	Questionnaire *Questionnaire
	Answers       *Answers
	values        []Value // by question index; ValueNone where missing or invalid
}

// Value returns the interpreted answer to the question with index i in
// questionnaire order.
func (c *Checked) Value(qu *Question) Value { return c.values[qu.index] }

// Check validates the answers against a questionnaire and interprets each
// answer for its question's type, so that it can be scored. Answers that
// fail count as unanswered. Answers to another version of the questionnaire
// are checked where the ids match, with a warning.
func (a *Answers) Check(q *Questionnaire, opt CheckOptions) (*Checked, Diagnostics) {
	c := &checker{file: a.File, root: a.root}
	out := &Checked{Questionnaire: q, Answers: a, values: make([]Value, q.QuestionCount())}
	if a.Questionnaire.ID != "" && a.Questionnaire.ID != q.ID {
		c.say("questionnaire.id", lang.M("answers-wrong-questionnaire", "Answers", a.Questionnaire.ID, "Checked", q.ID))
	} else if a.Questionnaire.Version != "" && a.Questionnaire.Version != q.Version {
		c.warn("questionnaire.version", lang.M("answers-other-version", "Version", a.Questionnaire.Version, "ID", q.ID, "Scored", q.Version))
	}
	a.checkMunicipality(c, q)
	for area, v := range a.Targets {
		p := "targets." + area
		if _, ok := q.Area(area); !ok {
			ids := make(map[string]bool, len(q.Areas))
			for _, ar := range q.Areas {
				ids[ar.ID] = true
			}
			c.ref(p, lang.M("ref-unknown-area"), area, ids)
			continue
		}
		if !isScaleValue(q, v) {
			c.say(p, lang.M("answers-target-not-on-scale", "Target", fmtNum(v), "Area", area, "Scale", scaleValues(q)))
		}
	}
	a.checkPlanStatus(c, q)
	for _, id := range a.Answers.Order {
		ans := a.Answers.ByID[id]
		qu, _, ok := q.Question(id)
		if !ok {
			p, ids := "answers."+id, q.QuestionIDs()
			ref := q.ID + "@" + q.Version
			if opt.IgnoreUnknown {
				c.sev = SevWarning
				c.sayKey(p, lang.M("answers-unknown-question-ignored", "ID", id, "Ref", ref, "Meant", strictyaml.Meant(id, ids)))
				c.sev = SevError
			} else {
				c.sayKey(p, lang.M("answers-unknown-question", "ID", id, "Ref", ref, "Meant", strictyaml.Meant(id, ids)))
			}
			continue
		}
		if ans.Empty {
			continue
		}
		v, msg := ParseValueMsg(q, qu, ans.Raw())
		if msg.ID != "" {
			c.say("answers."+id, msg)
			continue
		}
		if hint := quotedNumberHint(qu, ans); hint.ID != "" {
			c.warn("answers."+id, hint)
		}
		out.values[qu.index] = v
	}
	c.diags.Sort()
	return out, c.diags
}

// quotedNumberHint notes a number written in quotes («"2"»): it is read as
// the number, but the file should say what it means. It is the zero Msg
// for any other answer.
func quotedNumberHint(qu *Question, ans *Answer) lang.Msg {
	t := qu.EffectiveType()
	if (t != TypeScale && t != TypeNumber) || ans.Tag != "!!str" || ans.IsList {
		return lang.Msg{}
	}
	if _, err := strconv.ParseFloat(strings.TrimSpace(ans.Scalar), 64); err != nil {
		return lang.Msg{}
	}
	return lang.M("answer-quoted-number", "Value", ans.Scalar, "Number", strings.TrimSpace(ans.Scalar))
}

// checkPlanStatus checks the plans block: plan ids the questionnaire
// knows, and a next revision that has not passed (a passed one is left to
// the plan's cycle).
func (a *Answers) checkPlanStatus(c *checker, q *Questionnaire) {
	if len(a.Plans) == 0 {
		return
	}
	ids := make(map[string]bool, len(q.Plans))
	for _, p := range q.Plans {
		ids[p.ID] = true
	}
	for id, st := range a.Plans {
		p := "plans." + id
		if !ids[id] {
			c.ref(p, lang.M("ref-unknown-plan"), id, ids)
			continue
		}
		if !st.Next.IsSet() || !a.Date.IsSet() {
			continue
		}
		d := MonthOf(a.Date)
		if !st.Next.ToMonth().Before(d) {
			continue
		}
		then := lang.M("plan-next-passed-no-cycle")
		if w := q.window(q.planIndex[id], d, nil); w.Known {
			then = lang.M("plan-next-passed-window", "Month", w.Month.String())
		}
		c.warn(p+".next", lang.M("plan-next-passed", "Next", st.Next.String(), "Date", a.Date.String(), "Then", then))
	}
}

// defaultFor names the embedded questionnaire meant for an audience.
func defaultFor(a Audience) string {
	if a == ForFylkeskommune {
		return "ks-sirkulaer-fylke"
	}
	return "ks-sirkulaer"
}

func (a *Answers) checkMunicipality(c *checker, q *Questionnaire) {
	num := a.Municipality.Number
	if num == "" {
		return // reported by the field rules
	}
	if msg := municipalityNumber(num, a.Municipality.Name); msg.ID != "" {
		c.say("municipality.number", msg)
		return
	}
	if who := AudienceOf(num); who != q.audience() {
		c.warn("municipality.number", lang.M("answers-audience-mismatch", "Number", num, "Is", string(who), "ID", q.ID, "For", string(q.audience()), "Use", defaultFor(who)))
	}
	reg, _ := register.Lookup(num)
	name := reg.Name
	if a.Municipality.Name != "" && !register.SameName(a.Municipality.Name, name) {
		c.warn("municipality.name", lang.M("answers-name-mismatch", "Name", a.Municipality.Name, "Number", num, "Registered", name))
	}
}

// MunicipalityNumber checks a kommune or fylke number against the register,
// with one rule for every input. A number that lost its leading zero (301,
// as a spreadsheet shows 0301) is refused with the number it most likely
// is, named from the register, when the name given agrees. It returns ""
// for a registered number, else a message in bokmål.
func MunicipalityNumber(num, name string) string { return municipalityNumber(num, name).String() }

// municipalityNumber is MunicipalityNumber's message from the catalogues;
// the zero Msg for a registered number.
func municipalityNumber(num, name string) lang.Msg {
	if !reKommuneNr.MatchString(num) {
		var meant lang.Msg
		padded := "0" + num
		if reg, ok := register.Lookup(padded); ok && reLostZero.MatchString(num) && (name == "" || register.SameName(name, reg.Name)) {
			meant = lang.M("municipality-number-lost-zero", "Number", padded, "Name", reg.Name)
		}
		return lang.M("municipality-number-invalid", "Number", num, "Meant", meant)
	}
	if _, ok := register.Lookup(num); !ok {
		if len(num) == 2 {
			return lang.M("municipality-county-number-unknown", "Number", num)
		}
		return lang.M("municipality-number-unknown", "Number", num)
	}
	return lang.Msg{}
}

func isScaleValue(q *Questionnaire, v float64) bool {
	for _, p := range q.Scale {
		if *p.Value == v {
			return true
		}
	}
	return false
}

// ScaleValuesIn lists the scale with its labels in p's language.
func ScaleValuesIn(p *lang.Printer, q *Questionnaire) string {
	parts := make([]string, len(q.Scale))
	for i, pt := range q.Scale {
		parts[i] = fmtNum(*pt.Value) + " (" + pt.Label.Localize(p) + ")"
	}
	return strings.Join(parts, ", ")
}

// scaleValues is ScaleValuesIn as a placeholder.
func scaleValues(q *Questionnaire) lang.Func {
	return func(p *lang.Printer) string { return ScaleValuesIn(p, q) }
}

// quoteVal is a value as a message quotes it: «x», or «en tom verdi».
func quoteVal(s string) lang.Msg {
	if s == "" {
		return lang.M("value-empty")
	}
	return lang.M("value-quoted", "Value", s)
}

func didYouMean(s string, qu *Question) lang.Msg {
	ids := make([]string, len(qu.Options))
	for i, o := range qu.Options {
		ids[i] = o.ID
	}
	return strictyaml.Meant(s, ids)
}
