package report

import (
	"fmt"
	"strings"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/scores"
)

// What the report says about when a plan is next adopted: the Planverk
// sheet in full, the summary and the Årshjul in short.

// windowShort is a window as a month, «desember 2027», or «ukjent».
func (rw *reportWriter) windowShort(w *assessment.Window) string {
	if w == nil || !w.Known {
		return rw.p.T("window-unknown")
	}
	return rw.month(w.Month)
}

// month is a month as in running text, «desember 2027».
func (rw *reportWriter) month(m assessment.Month) string { return scores.MonthText(rw.p, m) }

// asOf is the month the windows are computed from, the answers' date.
func (rw *reportWriter) asOf() (assessment.Month, bool) {
	d := rw.r.Answers.Date
	if !d.IsSet() {
		return assessment.Month{}, false
	}
	return assessment.MonthOf(d), true
}

// windowLong says when a plan is next adopted and where that comes from:
// the answers file's plans.<id>.next or the plan's cycle, with the date
// input must be ready by; or why it is unknown and how to fill it in.
func (rw *reportWriter) windowLong(p *assessment.Plan) string {
	w, _ := rw.r.PlanWindow(p.ID)
	if d, dated := rw.asOf(); !w.Known {
		if !dated {
			return rw.p.T("report-window-no-date")
		}
		if past := rw.pastNext(p.ID, d); past != "" {
			return rw.p.T("report-window-passed", "Next", past)
		}
		return rw.p.T("report-window-give")
	}
	notes := []string{rw.p.T("report-window-from-answers")}
	if !w.FromAnswers {
		notes[0] = rw.p.T("report-window-from-cycle", "Cycle", rw.cycleText(p.EffectiveCycle()))
	}
	if due, ok := rw.inputDue(p, w); ok {
		notes = append(notes, rw.p.T("report-input-due", "Month", rw.month(due)))
	}
	return rw.p.T("report-window-known", "Month", rw.month(w.Month), "Notes", strings.Join(notes, "; "))
}

// inputDue is the month input to a plan must be ready by for its window w:
// lead_months before it, when the plan's cycle has a lead and that month
// has not passed.
func (rw *reportWriter) inputDue(p *assessment.Plan, w assessment.Window) (assessment.Month, bool) {
	cy := p.EffectiveCycle()
	d, dated := rw.asOf()
	if !w.Known || !dated || cy == nil || cy.LeadMonths == nil || *cy.LeadMonths <= 0 {
		return assessment.Month{}, false
	}
	due := w.Month.AddMonths(-*cy.LeadMonths)
	return due, !due.Before(d)
}

// pastNext is the answers file's next for a plan when it lies before d
// (the cycle then decides), else "".
func (rw *reportWriter) pastNext(id string, d assessment.Month) string {
	st, ok := rw.r.Answers.Plans[id]
	if !ok || !st.Next.IsSet() || !st.Next.ToMonth().Before(d) {
		return ""
	}
	return st.Next.String()
}

// cycleText says how a plan's adoption recurs, in words.
func (rw *reportWriter) cycleText(c *assessment.Cycle) string {
	if c == nil {
		return ""
	}
	month := ""
	if c.Month != nil && *c.Month >= 1 && *c.Month <= 12 {
		month = scores.MonthName(rw.p, *c.Month)
	}
	switch c.Rule {
	case assessment.CycleYearly:
		return rw.p.T("report-cycle-yearly", "Month", month)
	case assessment.CycleElection:
		return rw.p.T("report-cycle-election", "Month", month)
	case assessment.CycleDecided:
		return rw.p.T("report-cycle-decided")
	}
	return ""
}

// decision is the kind of decision that adopts a plan.
type decision int

const (
	decisionUnknown decision = iota
	decisionPolitical
	decisionAdministrative
)

// decisionKind says whether the body that adopts a plan is elected
// («politisk vedtak») or the administration («administrativt vedtak»),
// from its name in bokmål, which every questionnaire has. The name is
// folded to ASCII (byråd → byrad) before it is matched.
func decisionKind(by string) decision {
	s := fold(by)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	// The elected bodies first: «kommunestyret etter innstilling fra
	// kommunedirektøren» is a political decision.
	switch {
	case has("kommunestyre", "bystyre", "fylkesting", "formannskap", "utvalg", "byrad", "fylkesrad", "kommunerad", "politisk"):
		return decisionPolitical
	case has("direktor", "radmann", "administrasjon", "sjef", "leder"):
		return decisionAdministrative
	}
	return decisionUnknown
}

// In names the kind of decision in p's language; "" when it is unknown.
func (d decision) In(p *lang.Printer) string {
	switch d {
	case decisionPolitical:
		return p.T("report-decision-political")
	case decisionAdministrative:
		return p.T("report-decision-administrative")
	}
	return ""
}

// adopter is who adopts a plan and what kind of decision it is, in p's
// language: «kommunestyret (politisk vedtak)».
func adopter(p *lang.Printer, plan *assessment.Plan) string {
	by := plan.DecidedBy.Localize(p)
	if k := decisionKind(plan.DecidedBy.String()).In(p); k != "" && by != "" {
		return fmt.Sprintf("%s (%s)", by, k)
	}
	return by
}

// quarter is a calendar quarter, the Årshjul's unit of time.
type quarter struct{ year, q int }

func quarterOf(m assessment.Month) quarter { return quarter{m.Year, (m.Month-1)/3 + 1} }

// String is the quarter as the Årshjul heads it: «K1 2027».
func (k quarter) String() string { return fmt.Sprintf("K%d %d", k.q, k.year) }

// since is how many quarters k lies after from (negative before).
func (k quarter) since(from quarter) int { return (k.year-from.year)*4 + k.q - from.q }

// add is the quarter n quarters later.
func (k quarter) add(n int) quarter {
	i := k.year*4 + k.q - 1 + n
	return quarter{i / 4, i%4 + 1}
}
