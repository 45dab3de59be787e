package report

import (
	"fmt"
	"strings"

	"github.com/sirkel/sirkel/assessment"
)

// What the report says about when a plan is next adopted: the Planverk
// sheet in full, the summary and the Årshjul in short.

// unknownWindow is the short text of a window nobody knows yet.
const unknownWindow = "ukjent"

// windowShort is a window as a month, «desember 2027», or «ukjent».
func windowShort(w *assessment.Window) string {
	if w == nil || !w.Known {
		return unknownWindow
	}
	return norMonth(w.Month)
}

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
			return unknownWindow + " – svarfilen har ingen dato"
		}
		if past := rw.pastNext(p.ID, d); past != "" {
			return fmt.Sprintf("%s – neste vedtak i svarfilen (%s) er passert; oppgi et nytt i svarfilen (plans:)", unknownWindow, past)
		}
		return unknownWindow + " – oppgi i svarfilen (plans:)"
	}
	notes := []string{"oppgitt i svarfilen"}
	if !w.FromAnswers {
		notes[0] = "etter planens syklus: " + cycleText(p.EffectiveCycle())
	}
	if due, ok := rw.inputDue(p, w); ok {
		notes = append(notes, "innspill senest "+norMonth(due))
	}
	return fmt.Sprintf("%s (%s)", norMonth(w.Month), strings.Join(notes, "; "))
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
func cycleText(c *assessment.Cycle) string {
	if c == nil {
		return ""
	}
	month := ""
	if c.Month != nil && *c.Month >= 1 && *c.Month <= 12 {
		month = monthNames[*c.Month-1]
	}
	switch c.Rule {
	case assessment.CycleYearly:
		return "vedtas hvert år i " + month
	case assessment.CycleElection:
		return fmt.Sprintf("vedtas én gang i valgperioden, i %s året etter lokalvalget", month)
	case assessment.CycleDecided:
		return "revideres når planstrategien bestemmer det"
	}
	return ""
}

// decisionKind says whether the body that adopts a plan is elected
// («politisk vedtak») or the administration («administrativt vedtak»);
// "" when the words do not tell.
func decisionKind(by string) string {
	s := strings.ToLower(by)
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
	case has("kommunestyre", "bystyre", "fylkesting", "formannskap", "utvalg", "byråd", "fylkesråd", "kommuneråd", "politisk"):
		return "politisk vedtak"
	case has("direktør", "rådmann", "administrasjon", "sjef", "leder"):
		return "administrativt vedtak"
	}
	return ""
}

// adopter is who adopts a plan and what kind of decision it is:
// «kommunestyret (politisk vedtak)».
func adopter(p *assessment.Plan) string {
	by := p.DecidedBy.String()
	if k := decisionKind(by); k != "" && by != "" {
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
