package assessment

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// CheckOptions tune the answer checks.
type CheckOptions struct {
	// IgnoreUnknown turns answers to unknown question ids into warnings.
	IgnoreUnknown bool
}

// Check validates the answers against a questionnaire (DESIGN §3.2) and
// interprets each answer for its question's type, so that it can be scored.
// Answers that fail are left invalid and count as unanswered.
func (a *Answers) Check(q *Questionnaire, opt CheckOptions) Diagnostics {
	c := &checker{file: a.File, root: a.root}
	if a.Questionnaire.ID != "" && a.Questionnaire.ID != q.ID {
		c.at("questionnaire.id", "svarfilen gjelder spørreskjemaet «%s», men blir sjekket mot «%s»; velg riktig skjema med -q %s", a.Questionnaire.ID, q.ID, a.Questionnaire.ID)
	} else if a.Questionnaire.Version != "" && a.Questionnaire.Version != q.Version {
		c.warn("questionnaire.version", "svarene er gitt til versjon «%s» av «%s», men skåres mot versjon «%s»; bare spørsmål med samme id blir skåret", a.Questionnaire.Version, q.ID, q.Version)
	}
	a.checkMunicipality(c)
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
			c.at(p, "målet %s for området «%s» er ikke en verdi på skalaen; gyldige verdier: %s", fmtNum(v), area, scaleValues(q))
		}
	}
	for _, id := range a.Answers.Order {
		ans := a.Answers.ByID[id]
		qu, _, ok := q.Question(id)
		if !ok {
			p, ids := "answers."+id, q.QuestionIDs()
			msg := fmt.Sprintf("ukjent spørsmål «%s» i skjemaet %s@%s", id, q.ID, q.Version)
			if opt.IgnoreUnknown {
				c.sev = SevWarning
				c.atKey(p, "%s; svaret blir ikke brukt%s", msg, meant(id, ids))
				c.sev = SevError
			} else {
				c.atKey(p, "%s (--ignore-unknown hopper over slike svar)%s", msg, meant(id, ids))
			}
			continue
		}
		if msg := ans.interpret(q, qu); msg != "" {
			c.at("answers."+id, "%s", msg)
		}
	}
	c.diags.Sort()
	return c.diags
}

func (a *Answers) checkMunicipality(c *checker) {
	num := a.Municipality.Number
	if !reKommuneNr.MatchString(num) {
		return // reported by the field rules
	}
	name, ok := LookupMunicipality(num)
	if !ok {
		what := "kommunenummeret"
		if len(num) == 2 {
			what = "fylkesnummeret"
		}
		c.at("municipality.number", "%s %s finnes ikke i inndelingen som gjelder fra 2024; sjekk nummeret (Øyer er for eksempel \"3440\")", what, num)
		return
	}
	if a.Municipality.Name != "" && !sameName(a.Municipality.Name, name) {
		c.warn("municipality.name", "navnet «%s» stemmer ikke med nummer %s, som er registrert som «%s»", a.Municipality.Name, num, name)
	}
}

func isScaleValue(q *Questionnaire, v float64) bool {
	for _, p := range q.Scale {
		if *p.Value == v {
			return true
		}
	}
	return false
}

func scaleValues(q *Questionnaire) string {
	parts := make([]string, len(q.Scale))
	for i, p := range q.Scale {
		parts[i] = fmt.Sprintf("%s (%s)", fmtNum(*p.Value), p.Label)
	}
	return strings.Join(parts, ", ")
}

func optionIDs(qu *Question) string {
	parts := make([]string, len(qu.Options))
	for i, o := range qu.Options {
		parts[i] = o.ID
	}
	return strings.Join(parts, ", ")
}

// interpret checks the raw answer against its question and fills the typed
// fields; it returns a Norwegian message when the answer is invalid.
func (ans *Answer) interpret(q *Questionnaire, qu *Question) string {
	ans.Valid = false
	if ans.Empty {
		return ""
	}
	if ans.NA {
		if !qu.allowNA {
			return "«na» (ikke relevant) er ikke tillatt for dette spørsmålet; svar med en verdi eller la det stå ubesvart"
		}
		ans.Valid = true
		return ""
	}
	t := qu.EffectiveType()
	if ans.IsList && t != TypeMulti {
		return fmt.Sprintf("forventet én verdi, fant en liste; %s", expected(q, qu))
	}
	switch t {
	case TypeScale:
		v, err := strconv.ParseFloat(ans.Scalar, 64)
		if err != nil || (ans.Tag != "!!int" && ans.Tag != "!!float") || !isScaleValue(q, v) {
			if label := scaleByLabel(q, ans.Scalar); label != nil {
				return fmt.Sprintf("skriv tallet, ikke navnet: «%s» er %s", ans.Scalar, fmtNum(*label))
			}
			return fmt.Sprintf("%s er ikke en verdi på skalaen; %s", quoteVal(ans.Scalar), expected(q, qu))
		}
		ans.Number = v
	case TypeYesNo:
		b, ok := yesNo(ans.Scalar)
		if !ok {
			return fmt.Sprintf("%s er ikke et ja/nei-svar; %s", quoteVal(ans.Scalar), expected(q, qu))
		}
		ans.Number = b
	case TypeChoice:
		if _, ok := qu.optionIndex[ans.Scalar]; !ok {
			return fmt.Sprintf("ukjent alternativ %s; %s%s", quoteVal(ans.Scalar), expected(q, qu), didYouMean(ans.Scalar, qu))
		}
		ans.Options = []string{ans.Scalar}
	case TypeMulti:
		items := ans.List
		if !ans.IsList {
			items = []string{ans.Scalar}
		}
		seen := make(map[string]bool, len(items))
		for _, it := range items {
			if _, ok := qu.optionIndex[it]; !ok {
				return fmt.Sprintf("ukjent alternativ %s; %s%s", quoteVal(it), expected(q, qu), didYouMean(it, qu))
			}
			if seen[it] {
				return fmt.Sprintf("alternativet «%s» er valgt to ganger; nevn hvert alternativ bare én gang", it)
			}
			seen[it] = true
		}
		ans.Options = items
	case TypeNumber:
		v, err := strconv.ParseFloat(strings.ReplaceAll(ans.Scalar, ",", "."), 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || (ans.Tag != "!!int" && ans.Tag != "!!float" && !strings.Contains(ans.Scalar, ",")) {
			return fmt.Sprintf("%s er ikke et tall; %s", quoteVal(ans.Scalar), expected(q, qu))
		}
		ans.Number = v
	case TypeText:
		ans.Text = ans.Scalar
	}
	ans.Valid = true
	return ""
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
	return meant(s, ids)
}

func scaleByLabel(q *Questionnaire, s string) *float64 {
	for _, p := range q.Scale {
		if strings.EqualFold(strings.TrimSpace(s), p.Label.NB) {
			return p.Value
		}
	}
	return nil
}

func yesNo(s string) (float64, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja", "true", "yes":
		return 1, true
	case "nei", "false", "no":
		return 0, true
	}
	return 0, false
}

// expected says in Norwegian what a question accepts.
func expected(q *Questionnaire, qu *Question) string {
	var s string
	switch qu.EffectiveType() {
	case TypeScale:
		s = "gyldige verdier: " + scaleValues(q)
	case TypeYesNo:
		s = "gyldige verdier: ja, nei"
	case TypeChoice:
		s = "gyldige alternativer: " + optionIDs(qu)
	case TypeMulti:
		s = "skriv en liste av alternativer, for eksempel [" + qu.Options[0].ID + "]; gyldige: " + optionIDs(qu)
	case TypeNumber:
		s = "skriv et tall, for eksempel 42.5"
	case TypeText:
		s = "skriv en tekst"
	}
	if qu.allowNA {
		s += ", eller na (ikke relevant)"
	}
	return s
}
