package report

import (
	"math"
	"strings"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// numNO formats a number as Norwegians write it: decimal comma, no
// trailing zeros.
func numNO(f float64) string { return assessment.DecimalComma(f) }

// answerLabel is an answer as a person reads it, in p's language; ""
// when the question is unanswered.
func answerLabel(p *lang.Printer, q *assessment.Questionnaire, qr *assessment.QuestionResult) string {
	return assessment.LabelIn(p, q, qr.Question, qr.Value)
}

// targetLabel is a scored question's target in its own terms: a scale
// label, «Ja», the least option that reaches it, or a number with a unit.
func targetLabel(p *lang.Printer, q *assessment.Questionnaire, qr *assessment.QuestionResult) string {
	if !qr.Scored {
		return ""
	}
	qu := qr.Question
	switch qu.EffectiveType() {
	case assessment.TypeScale:
		return assessment.ScaleTextIn(p, q, qr.Target)
	case assessment.TypeYesNo:
		return p.T("value-yes")
	case assessment.TypeChoice:
		var best *assessment.Option
		for i := range qu.Options {
			o := &qu.Options[i]
			if *o.Score >= qr.T-1e-9 && (best == nil || *o.Score < *best.Score) {
				best = o
			}
		}
		if best != nil {
			return p.T("report-target-option", "Option", best.Label)
		}
	case assessment.TypeMulti:
		return p.T("report-target-multi", "Share", numNO(roundTo(100*qr.T, 1)))
	case assessment.TypeNumber:
		number := assessment.NumberText(roundTo(qr.Target, 2), qu.Unit)
		if *qu.Scoring.Best >= *qu.Scoring.Worst {
			return p.T("report-target-at-least", "Number", number)
		}
		return p.T("report-target-at-most", "Number", number)
	}
	return numNO(qr.T)
}

func roundTo(f float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(f*p) / p
}

// planNode is a plan as the report lists it: in the questionnaire's
// order, which is the planning cycle's, with each sub-plan right after its
// parent (and the parent's other sub-plans).
type planNode struct {
	*assessment.Plan
	depth  int              // 0 for a plan of its own, 1 for a sub-plan, …
	parent *assessment.Plan // nil for a plan of its own
}

// planOrder returns the questionnaire's plans as the report lists them.
func planOrder(q *assessment.Questionnaire) []planNode {
	children := map[string][]*assessment.Plan{}
	var roots []*assessment.Plan
	for i := range q.Plans {
		p := &q.Plans[i]
		if _, ok := q.Plan(p.Parent); ok && p.Parent != p.ID {
			children[p.Parent] = append(children[p.Parent], p)
		} else {
			roots = append(roots, p)
		}
	}
	out := make([]planNode, 0, len(q.Plans))
	seen := map[string]bool{}
	var walk func(p, parent *assessment.Plan, depth int)
	walk = func(p, parent *assessment.Plan, depth int) {
		if seen[p.ID] {
			return
		}
		seen[p.ID] = true
		out = append(out, planNode{Plan: p, depth: depth, parent: parent})
		for _, c := range children[p.ID] {
			walk(c, p, depth+1)
		}
	}
	for _, p := range roots {
		walk(p, nil, 0)
	}
	// Validation rules out a loop of parents; should one slip through,
	// its plans are still listed.
	for i := range q.Plans {
		walk(&q.Plans[i], nil, 0)
	}
	return out
}

// planNames joins the names of plan ids.
func planNames(p *lang.Printer, q *assessment.Questionnaire, ids []string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if plan, ok := q.Plan(id); ok {
			names = append(names, plan.Name.Localize(p))
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

// translit spells the Norwegian letters (æ→ae, ø→o, å→a) and the accented
// letters of Sami and other names in ASCII.
var translit = map[rune]string{'æ': "ae", 'ø': "o", 'å': "a", 'ä': "a", 'ö': "o", 'ü': "u",
	'á': "a", 'à': "a", 'â': "a", 'é': "e", 'è': "e", 'ê': "e", 'ó': "o", 'ò': "o", 'ô': "o",
	'č': "c", 'đ': "d", 'ŋ': "n", 'š': "s", 'ŧ': "t", 'ž': "z", 'ï': "i"}

// fold is s in lower case with its letters spelled in ASCII as translit
// spells them.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if t, ok := translit[r]; ok {
			b.WriteString(t)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// slug keeps [a-z0-9] and single dashes, so that a name from an answers
// file can neither leave the output folder nor upset a file system.
// Norwegian letters are transliterated (æ→ae, ø→o, å→a), as are the
// accents of Sami and other names.
func slug(s string) string {
	var b strings.Builder
	pending := false
	for _, r := range fold(s) {
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
