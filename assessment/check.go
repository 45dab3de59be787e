package assessment

import (
	"fmt"
	"strconv"
	"strings"

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
		c.at("questionnaire.id", "svarfilen gjelder spørreskjemaet «%s», men blir sjekket mot «%s»; velg riktig skjema med -q %s", a.Questionnaire.ID, q.ID, a.Questionnaire.ID)
	} else if a.Questionnaire.Version != "" && a.Questionnaire.Version != q.Version {
		c.warn("questionnaire.version", "svarene er gitt til versjon «%s» av «%s», men skåres mot versjon «%s»; bare spørsmål med samme id blir skåret", a.Questionnaire.Version, q.ID, q.Version)
	}
	a.checkMunicipality(c, q)
	for area, v := range a.Targets {
		p := "targets." + area
		if _, ok := q.Area(area); !ok {
			ids := make(map[string]bool, len(q.Areas))
			for _, ar := range q.Areas {
				ids[ar.ID] = true
			}
			c.ref(p, "område", area, ids)
			continue
		}
		if !isScaleValue(q, v) {
			c.at(p, "målet %s for området «%s» er ikke en verdi på skalaen; gyldige verdier: %s", fmtNum(v), area, ScaleValues(q))
		}
	}
	a.checkPlanStatus(c, q)
	for _, id := range a.Answers.Order {
		ans := a.Answers.ByID[id]
		qu, _, ok := q.Question(id)
		if !ok {
			p, ids := "answers."+id, q.QuestionIDs()
			msg := fmt.Sprintf("ukjent spørsmål «%s» i skjemaet %s@%s", id, q.ID, q.Version)
			if opt.IgnoreUnknown {
				c.sev = SevWarning
				c.atKey(p, "%s; svaret blir ikke brukt%s", msg, strictyaml.Meant(id, ids))
				c.sev = SevError
			} else {
				c.atKey(p, "%s (--ignore-unknown hopper over slike svar)%s", msg, strictyaml.Meant(id, ids))
			}
			continue
		}
		if ans.Empty {
			continue
		}
		v, msg := ParseValue(q, qu, ans.Raw())
		if msg != "" {
			c.at("answers."+id, "%s", msg)
			continue
		}
		if hint := quotedNumberHint(qu, ans); hint != "" {
			c.warn("answers."+id, "%s", hint)
		}
		out.values[qu.index] = v
	}
	c.diags.Sort()
	return out, c.diags
}

// quotedNumberHint notes a number written in quotes («"2"»): it is read as
// the number, but the file should say what it means.
func quotedNumberHint(qu *Question, ans *Answer) string {
	t := qu.EffectiveType()
	if (t != TypeScale && t != TypeNumber) || ans.Tag != "!!str" || ans.IsList {
		return ""
	}
	if _, err := strconv.ParseFloat(strings.TrimSpace(ans.Scalar), 64); err != nil {
		return ""
	}
	return fmt.Sprintf("«%s» står i anførselstegn og er lest som tallet %s; skriv tallet uten anførselstegn", ans.Scalar, strings.TrimSpace(ans.Scalar))
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
			c.ref(p, "plan", id, ids)
			continue
		}
		if !st.Next.IsSet() || !a.Date.IsSet() {
			continue
		}
		d := MonthOf(a.Date)
		if !st.Next.ToMonth().Before(d) {
			continue
		}
		then := "regelen for planen brukes i stedet, men planen har ingen fast syklus i skjemaet, så neste vindu er ukjent til «next» er rettet"
		if w := q.window(q.planIndex[id], d, nil); w.Known {
			then = "regelen for planen brukes i stedet: neste vindu er " + w.Month.String()
		}
		c.warn(p+".next", "neste revisjon er passert: «next: %s» er før besvarelsen (%s); %s", st.Next, a.Date, then)
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
	if msg := MunicipalityNumber(num, a.Municipality.Name); msg != "" {
		c.at("municipality.number", "%s", msg)
		return
	}
	if who := AudienceOf(num); who != q.audience() {
		c.warn("municipality.number", "%s er en %s, men spørreskjemaet «%s» er laget for en %s; bruk %s (oppgi det i «questionnaire: {id: …}» eller med -q)", num, who, q.ID, q.audience(), defaultFor(who))
	}
	reg, _ := register.Lookup(num)
	name := reg.Name
	if a.Municipality.Name != "" && !register.SameName(a.Municipality.Name, name) {
		c.warn("municipality.name", "navnet «%s» stemmer ikke med nummer %s, som er registrert som «%s»", a.Municipality.Name, num, name)
	}
}

// MunicipalityNumber checks a kommune or fylke number against the register,
// with one rule for every input. A number that lost its leading zero (301,
// as a spreadsheet shows 0301) is refused with the number it most likely
// is, named from the register, when the name given agrees. It returns ""
// for a registered number.
func MunicipalityNumber(num, name string) string {
	if !reKommuneNr.MatchString(num) {
		msg := fmt.Sprintf("ugyldig kommunenummer «%s»; skriv fire sifre for en kommune (for eksempel \"3440\") eller to for en fylkeskommune (for eksempel \"34\"), i anførselstegn", num)
		padded := "0" + num
		if reg, ok := register.Lookup(padded); ok && reLostZero.MatchString(num) && (name == "" || register.SameName(name, reg.Name)) {
			msg += fmt.Sprintf(" – mente du \"%s\" (%s)? Nullen foran forsvinner når nummeret står uten anførselstegn", padded, reg.Name)
		}
		return msg
	}
	if _, ok := register.Lookup(num); !ok {
		what := "kommunenummeret"
		if len(num) == 2 {
			what = "fylkesnummeret"
		}
		return fmt.Sprintf("%s %s finnes ikke i inndelingen som gjelder fra 2024; sjekk nummeret (Øyer er for eksempel \"3440\")", what, num)
	}
	return ""
}

func isScaleValue(q *Questionnaire, v float64) bool {
	for _, p := range q.Scale {
		if *p.Value == v {
			return true
		}
	}
	return false
}

// ScaleValues lists the scale as «0 (Ikke startet), 1 (Planlagt), …».
func ScaleValues(q *Questionnaire) string {
	parts := make([]string, len(q.Scale))
	for i, p := range q.Scale {
		parts[i] = fmt.Sprintf("%s (%s)", fmtNum(*p.Value), p.Label)
	}
	return strings.Join(parts, ", ")
}

func quoteVal(s string) string {
	if s == "" {
		return "en tom verdi"
	}
	return "«" + s + "»"
}

func didYouMean(s string, qu *Question) string {
	ids := make([]string, len(qu.Options))
	for i, o := range qu.Options {
		ids[i] = o.ID
	}
	return strictyaml.Meant(s, ids)
}
