package assessment

// Local elections are held in 2023 and every fourth year; election plans
// fall due in the year after.
const (
	electionYear   = 2023
	electionPeriod = 4
)

// Window is a plan's next window: the month of the next adoption that
// input can still reach.
type Window struct {
	Plan  string // the plan id
	Month Month  // when Known
	Known bool
	// FromAnswers says the month is the answers file's plans.<id>.next
	// rather than the plan's cycle.
	FromAnswers bool
}

// EffectiveCycle is the plan's cycle, else its nearest ancestor's; nil
// when none has one.
func (p *Plan) EffectiveCycle() *Cycle { return p.cycle }

// NextWindow is the month of the plan's next adoption that input can
// still reach as of asOf: the answers file's own plans.<id>.next when it
// is not past, else the plan's (or an ancestor's) cycle. It reports false
// when the window is unknown: an unknown plan, no date, a decided plan
// without a next revision, or no cycle at all.
func (q *Questionnaire) NextWindow(planID string, asOf Date, own map[string]PlanStatus) (Month, bool) {
	i, ok := q.planIndex[planID]
	if !ok || !asOf.IsSet() {
		return Month{}, false
	}
	w := q.window(i, MonthOf(asOf), own)
	return w.Month, w.Known
}

// window applies the rules of the package documentation to plan i.
func (q *Questionnaire) window(i int, d Month, own map[string]PlanStatus) Window {
	p := &q.Plans[i]
	w := Window{Plan: p.ID}
	if st, ok := own[p.ID]; ok && st.Next.IsSet() {
		if m := st.Next.ToMonth(); !m.Before(d) {
			w.Month, w.Known, w.FromAnswers = m, true, true
			return w
		}
	}
	cy := p.cycle
	if cy == nil || cy.Month == nil || cy.Rule == CycleDecided {
		return w
	}
	lead := 0
	if cy.LeadMonths != nil {
		lead = *cy.LeadMonths
	}
	// The earliest adoption A with A − lead ≥ d is the earliest A ≥ d + lead.
	t := d.AddMonths(lead)
	a := Month{Year: t.Year, Month: *cy.Month}
	switch cy.Rule {
	case CycleYearly:
		if a.Before(t) {
			a.Year++
		}
	case CycleElection:
		// The first due year (election + 1) at or after t's year.
		a.Year += floorMod(electionYear+1-a.Year, electionPeriod)
		if a.Before(t) {
			a.Year += electionPeriod
		}
	default:
		return w
	}
	w.Month, w.Known = a, true
	return w
}

func floorMod(a, n int) int { return ((a % n) + n) % n }

// planWindows is every plan's next window for one answers file, aligned
// with q.Plans; nil when q has no plans.
func (q *Questionnaire) planWindows(ans *Answers) []Window {
	if len(q.Plans) == 0 {
		return nil
	}
	ws := make([]Window, len(q.Plans))
	for i := range q.Plans {
		if ans == nil || !ans.Date.IsSet() {
			ws[i] = Window{Plan: q.Plans[i].ID}
			continue
		}
		ws[i] = q.window(i, MonthOf(ans.Date), ans.Plans)
	}
	return ws
}

// PlanWindow is the next window of a plan of the questionnaire, from the
// windows computed for this result.
func (r *Result) PlanWindow(planID string) (Window, bool) {
	i, ok := r.Questionnaire.planIndex[planID]
	if !ok || i >= len(r.Windows) {
		return Window{}, false
	}
	return r.Windows[i], true
}

// gapWindows gives each gap the windows of its plans, in the gap's plan
// order, and the earliest known one; one block serves all gaps.
func gapWindows(gs []Gap, plans []Window) {
	n := 0
	for i := range gs {
		n += len(gs[i].Question.planIdx)
	}
	if n == 0 {
		return
	}
	block := make([]Window, n)
	for i := range gs {
		g := &gs[i]
		idx := g.Question.planIdx
		g.Windows, block = block[:len(idx):len(idx)], block[len(idx):]
		for j, pi := range idx {
			g.Windows[j] = plans[pi]
			if w := &g.Windows[j]; w.Known && (g.NextWindow == nil || w.Month.Before(g.NextWindow.Month)) {
				g.NextWindow = w
			}
		}
	}
}

// prepareCycles derives each plan's effective cycle and each question's
// plan indices. Validation has ruled out parent loops; the walk is bounded
// all the same.
func (q *Questionnaire) prepareCycles() {
	for i := range q.Plans {
		p := &q.Plans[i]
		cur := p
		for range len(q.Plans) {
			if cur.Cycle != nil {
				p.cycle = cur.Cycle
				break
			}
			pi, ok := q.planIndex[cur.Parent]
			if !ok || cur.Parent == "" {
				break
			}
			cur = &q.Plans[pi]
		}
	}
	q.AllQuestions(func(_ *Area, qu *Question) {
		qu.planIdx = make([]int, 0, len(qu.plans))
		for _, id := range qu.plans {
			if i, ok := q.planIndex[id]; ok {
				qu.planIdx = append(qu.planIdx, i)
			}
		}
	})
}
