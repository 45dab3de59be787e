package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/sirkel/sirkel/assessment"
)

// numNO formats a number as Norwegians write it: decimal comma, no
// trailing zeros.
func numNO(f float64) string { return assessment.DecimalComma(f) }

// norDate writes a date the Norwegian way: 20. november 2026.
func norDate(t time.Time) string {
	months := [...]string{"januar", "februar", "mars", "april", "mai", "juni", "juli",
		"august", "september", "oktober", "november", "desember"}
	return fmt.Sprintf("%d. %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// answerLabel is an answer as a person reads it; "" when the question is
// unanswered.
func answerLabel(q *assessment.Questionnaire, qr *assessment.QuestionResult) string {
	return assessment.Label(q, qr.Question, qr.Value)
}

// targetLabel is a scored question's target in its own terms: a scale
// label, «Ja», the least option that reaches it, or a number with a unit.
func targetLabel(q *assessment.Questionnaire, qr *assessment.QuestionResult) string {
	if !qr.Scored {
		return ""
	}
	qu := qr.Question
	switch qu.EffectiveType() {
	case assessment.TypeScale:
		return assessment.ScaleText(q, qr.Target)
	case assessment.TypeYesNo:
		return "Ja"
	case assessment.TypeChoice:
		var best *assessment.Option
		for i := range qu.Options {
			o := &qu.Options[i]
			if *o.Score >= qr.T-1e-9 && (best == nil || *o.Score < *best.Score) {
				best = o
			}
		}
		if best != nil {
			return "Minst: " + best.Label.String()
		}
	case assessment.TypeMulti:
		return fmt.Sprintf("Minst %s %% av full uttelling", numNO(roundTo(100*qr.T, 1)))
	case assessment.TypeNumber:
		if *qu.Scoring.Best >= *qu.Scoring.Worst {
			return "Minst " + assessment.NumberText(roundTo(qr.Target, 2), qu.Unit)
		}
		return "Høyst " + assessment.NumberText(roundTo(qr.Target, 2), qu.Unit)
	}
	return numNO(qr.T)
}

func roundTo(f float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(f*p) / p
}

// planCycle is the order in which a municipality meets its plan documents
// (plan- og bygningsloven): the strategy decides which plans to make, the
// programme starts each, the municipal plan sets goals and land use, the
// action part with the economy plan funds them, and topic and unit plans
// carry them out.
var planCycle = []string{
	"planstrategi", "planprogram", "kommuneplan-samfunnsdel", "kommuneplan-arealdel",
	"okonomiplan", "temaplan", "virksomhetsplan",
}

// plansInCycle returns the questionnaire's plans in the order of the
// planning cycle; plans the cycle does not know follow in questionnaire
// order.
func plansInCycle(q *assessment.Questionnaire) []*assessment.Plan {
	plans := make([]*assessment.Plan, len(q.Plans))
	for i := range q.Plans {
		plans[i] = &q.Plans[i]
	}
	rank := func(p *assessment.Plan) int {
		if i := slices.Index(planCycle, p.ID); i >= 0 {
			return i
		}
		return len(planCycle)
	}
	slices.SortStableFunc(plans, func(a, b *assessment.Plan) int { return rank(a) - rank(b) })
	return plans
}

// planNames joins the names of plan ids.
func planNames(q *assessment.Questionnaire, ids []string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if p, ok := q.Plan(id); ok {
			names = append(names, p.Name.String())
		} else {
			names = append(names, id)
		}
	}
	return strings.Join(names, "; ")
}

// stepLabel and tierLabel name a question's step and tier for a cell.
func stepLabel(qu *assessment.Question) any {
	if qu.Step == 0 {
		return "–"
	}
	return qu.Step
}

func tierLabel(qu *assessment.Question) string {
	if qu.Tier == "" {
		return "–"
	}
	return qu.Tier
}

// DefaultReportName is the file name of a municipality's workbook:
// kommunenummer and name in safe characters, «3440-oyer-sirkel.xlsx».
func DefaultReportName(m assessment.Municipality) string {
	parts := []string{}
	if n := slug(m.Number); n != "" {
		parts = append(parts, n)
	}
	if n := slug(m.Name); n != "" {
		parts = append(parts, n)
	}
	parts = append(parts, "sirkel")
	return strings.Join(parts, "-") + ".xlsx"
}

// slug keeps [a-z0-9] and single dashes, so that a name from an answers
// file can neither leave the output folder nor upset a file system.
// Norwegian letters are transliterated (æ→ae, ø→o, å→a), as are the
// accents of Sami and other names.
func slug(s string) string {
	translit := strings.NewReplacer("æ", "ae", "ø", "o", "å", "a", "ä", "a", "ö", "o", "ü", "u",
		"á", "a", "à", "a", "â", "a", "é", "e", "è", "e", "ê", "e", "ó", "o", "ò", "o", "ô", "o",
		"č", "c", "đ", "d", "ŋ", "n", "š", "s", "ŧ", "t", "ž", "z", "ï", "i")
	var b strings.Builder
	pending := false
	for _, r := range translit.Replace(strings.ToLower(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if pending && b.Len() > 0 {
				b.WriteByte('-')
			}
			pending = false
			b.WriteRune(r)
			continue
		}
		pending = true
	}
	return b.String()
}
