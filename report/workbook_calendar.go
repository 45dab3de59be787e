package report

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/sheet"
)

// calendarQuarters is how far ahead the Årshjul looks: four years, one
// election period.
const calendarQuarters = 16

// calendarEntry is one action for one of its plans: an action that
// belongs in two plans can be taken into either, so it counts in both.
type calendarEntry struct {
	rank int               // index into r.Gaps
	plan int               // index into the plan order; -1 for no plan
	node *planNode         // nil for no plan
	w    assessment.Window // the plan's next window
}

// calendarEntries are the actions by plan, earliest window first; then
// those whose window is unknown, by plan; then those without a plan.
func (rw *reportWriter) calendarEntries(order []planNode) []calendarEntry {
	pos := make(map[string]int, len(order))
	for i, n := range order {
		pos[n.ID] = i
	}
	var es []calendarEntry
	for i, g := range rw.r.Gaps {
		if len(g.Windows) == 0 {
			es = append(es, calendarEntry{rank: i, plan: -1})
		}
		for _, w := range g.Windows {
			if p, ok := pos[w.Plan]; ok {
				es = append(es, calendarEntry{rank: i, plan: p, node: &order[p], w: w})
			}
		}
	}
	group := func(e calendarEntry) int {
		switch {
		case e.node == nil:
			return 2
		case !e.w.Known:
			return 1
		}
		return 0
	}
	slices.SortStableFunc(es, func(a, b calendarEntry) int {
		if c := cmp.Compare(group(a), group(b)); c != 0 {
			return c
		}
		if a.w.Known && b.w.Known {
			if c := cmp.Compare(a.w.Month.Year*12+a.w.Month.Month, b.w.Month.Year*12+b.w.Month.Month); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(a.plan, b.plan); c != 0 {
			return c
		}
		return cmp.Compare(a.rank, b.rank)
	})
	return es
}

// calendar writes the Årshjul: a grid of the coming quarters by plan with
// the number of actions each plan can take in that quarter, then every
// action in the order its chance comes, the unknown ones last with how to
// make them known.
func (rw *reportWriter) calendar() {
	b, r, p, st := rw.b, rw.r, rw.p, &rw.b.Styles
	rs := &rw.styles
	sh := rw.sheets.calendar
	first := quarterOf(assessment.MonthOf(assessment.NewDate(rw.opt.Now)))
	d, dated := rw.asOf()
	if dated {
		first = quarterOf(d)
	}
	const lead = 3 // columns before the quarters
	cols := []sheet.Column{{Title: p.T("report-col-plan"), Width: 34}, {Title: p.T("report-col-next"), Width: 15}, {Title: p.T("report-col-action"), Width: 7}}
	for i := range calendarQuarters {
		cols = append(cols, sheet.Column{Title: first.add(i).String(), Width: 6.5})
	}
	last := len(cols)
	width := spanWidth(cols, 1, last)
	// The quarters stay in view on the screen; on paper the grid fits on
	// its first page, and the list below repeats its own header.
	b.AddSheet(sheet.Setup{Name: sh, Cols: cols, HeaderRows: 1, NoRepeat: true})
	b.HeaderRow(sh, 1, cols, st.HeaderCenter)
	b.Set(sh, 1, 1, cols[0].Title, st.Header)
	b.Check(b.File.SetRowHeight(sh, 1, 32))

	order := planOrder(rw.q)
	entries := rw.calendarEntries(order)
	counts := make([][]int, len(order)) // by plan, by quarter
	totals := make([]int, len(order))
	sums := make([]int, calendarQuarters)
	later := false
	for _, e := range entries {
		if e.node == nil {
			continue
		}
		totals[e.plan]++
		if counts[e.plan] == nil {
			counts[e.plan] = make([]int, calendarQuarters)
		}
		if !e.w.Known {
			continue
		}
		if k := quarterOf(e.w.Month).since(first); k >= 0 && k < calendarQuarters {
			counts[e.plan][k]++
			sums[k]++
		} else {
			later = true
		}
	}

	row := 2
	for i, n := range order {
		w, _ := r.PlanWindow(n.ID)
		name := st.Text
		if n.depth > 0 {
			name = rs.textSub
		}
		b.Set(sh, 1, row, n.Name.Localize(p), name)
		b.Set(sh, 2, row, rw.windowShort(&w), st.TextCenter)
		if totals[i] > 0 {
			b.Set(sh, 3, row, totals[i], st.Integer)
		} else {
			b.Set(sh, 3, row, "–", st.TextCenter)
		}
		for k := range calendarQuarters {
			if c := counts[i]; c != nil && c[k] > 0 {
				b.Set(sh, lead+1+k, row, c[k], rs.counts[countFill(c[k])])
			} else {
				b.Set(sh, lead+1+k, row, "", st.Text)
			}
		}
		// An indent takes about two characters of the width.
		b.FitCells(sh, row, []sheet.Column{{Width: cols[0].Width - float64(2*n.depth)}}, []any{n.Name.Localize(p)})
		row++
	}
	b.Set(sh, 1, row, p.T("report-all-plans"), st.TextBold)
	b.Set(sh, 2, row, "", st.Text)
	all := 0
	for _, n := range totals {
		all += n
	}
	b.Set(sh, 3, row, all, rs.countTotal)
	for k, n := range sums {
		if n > 0 {
			b.Set(sh, lead+1+k, row, n, rs.countTotal)
		} else {
			b.Set(sh, lead+1+k, row, "", st.Text)
		}
	}
	row += 2

	// How to read the grid, and a key to its colours with the counts
	// printed on them.
	when := p.T("report-calendar-when")
	if dated {
		when = p.T("report-calendar-when-dated", "Date", rw.date(r.Answers.Date.Time))
	}
	legend := p.T("report-calendar-legend", "When", when)
	if later {
		legend = sentences(legend, p.T("report-calendar-later", "Quarter", first.add(calendarQuarters-1).String(), "Column", cols[1].Title))
	}
	b.Merged(sh, row, 1, last, legend, st.Note, width, 10)
	row++
	b.Set(sh, 1, row, p.T("report-calendar-key"), st.Note)
	for i, from := range countSteps {
		text := fmt.Sprint(from)
		switch {
		case i+1 == len(countSteps):
			text = fmt.Sprintf("%d+", from)
		case countSteps[i+1]-1 > from:
			text = fmt.Sprintf("%d–%d", from, countSteps[i+1]-1)
		}
		b.Set(sh, lead+1+i, row, text, rs.counts[i])
	}
	row++
	flow := b.NewFlow(sh, cols, false, 0)
	flow.Block(1, row-1, 0)

	rw.calendarList(sh, row+1, cols, entries, flow)
}

// calendarList lists the Årshjul's actions in the order their chance
// comes, a band for each quarter, under a header that starts every page.
func (rw *reportWriter) calendarList(sh string, row int, cols []sheet.Column, entries []calendarEntry, flow *sheet.PageFlow) {
	b, p, st := rw.b, rw.p, &rw.b.Styles
	last := len(cols)
	width := spanWidth(cols, 1, last)
	// «kommunestyret (politisk vedtak)» on one line in Vedtas av.
	blocks := []block{{p.T("report-col-when"), 1, 1}, {p.T("report-col-plan"), 2, 3}, {p.T("report-col-action"), 4, last - 5}, {p.T("report-fact-decided-by"), last - 4, last}}

	b.Check(b.File.SetRowHeight(sh, row-1, 8))
	flow.Add(8)
	start := row
	b.Merged(sh, row, 1, last, p.T("report-calendar-list"), st.Heading, width, 13)
	b.Check(b.File.SetRowHeight(sh, row, 24))
	row++
	header := func() {
		rw.blockRow(sh, row, cols, blocks, blockTitles(blocks), st.Header, st.HeaderIndent, 20)
		row++
	}
	header()
	if len(entries) == 0 {
		b.Merged(sh, row, 1, last, rw.noGaps(), st.Paragraph, width, 11)
		flow.Block(start, row, 0)
		return
	}

	// Entries come in groups: a quarter, the unknown windows, no plan.
	type group struct {
		title, note string
		from, to    int // entries[from:to]
	}
	var groups []group
	noPlan, unknown := p.T("report-no-plan"), p.T("report-unknown-time")
	key := func(e calendarEntry) string {
		switch {
		case e.node == nil:
			return noPlan
		case !e.w.Known:
			return unknown
		}
		return quarterOf(e.w.Month).String()
	}
	for i, e := range entries {
		if n := len(groups); n > 0 && groups[n-1].title == key(e) {
			groups[n-1].to = i + 1
			continue
		}
		groups = append(groups, group{title: key(e), from: i, to: i + 1})
	}
	for i := range groups {
		g := &groups[i]
		switch g.title {
		case unknown:
			g.note = rw.unknownNote(entries[g.from:g.to])
		case noPlan:
			g.note = p.T("report-calendar-no-plan")
		}
	}

	headH := b.HeightOf(sh, start, row-1)
	for gi, g := range groups {
		type line struct {
			texts []string
			h     float64
		}
		lines := make([]line, 0, g.to-g.from)
		for _, e := range entries[g.from:g.to] {
			texts := rw.calendarTexts(e)
			h := sheet.DefaultRowHeight
			for j, bl := range blocks {
				h = max(h, sheet.TextHeight(texts[j], spanWidth(cols, bl.from, bl.to)-float64(2*min(j, 1)), 11))
			}
			lines = append(lines, line{texts, h})
		}
		// A group's band stays with its first actions, and the list's
		// heading with its first group; a page that starts with a band
		// starts with the header above it.
		bandH := 22.0
		if g.note != "" {
			bandH += max(sheet.DefaultRowHeight, sheet.TextHeight(g.note, width, 10))
		}
		keep := bandH
		for _, l := range lines[:min(3, len(lines))] {
			keep += l.h
		}
		if gi == 0 {
			if !flow.Fits(headH + keep) {
				flow.BreakBefore(start)
			}
			flow.Add(headH)
		} else if !flow.Fits(keep) {
			flow.BreakBefore(row)
			header()
			flow.Add(20)
		}
		b.Merged(sh, row, 1, last, p.T("report-group-title", "Name", g.title, "Actions", countText(p, g.to-g.from)), st.Band, width, 12)
		b.Check(b.File.SetRowHeight(sh, row, 22))
		row++
		if g.note != "" {
			b.Merged(sh, row, 1, last, g.note, st.BandNote, width, 10)
			row++
		}
		flow.Add(bandH)
		for _, l := range lines {
			if !flow.Fits(l.h) {
				flow.BreakBefore(row)
				header()
				b.Merged(sh, row, 1, last, p.T("report-continued", "Name", g.title), st.Band, width, 12)
				b.Check(b.File.SetRowHeight(sh, row, 22))
				row++
				flow.Add(20 + 22)
			}
			rw.blockRow(sh, row, cols, blocks, l.texts, st.Text, st.TextIndent, 0)
			flow.Add(l.h)
			row++
		}
	}
}

// calendarTexts are the list's texts for an entry: when (and when input
// is due), the plan, the action and who adopts the plan.
func (rw *reportWriter) calendarTexts(e calendarEntry) []string {
	g := rw.r.Gaps[e.rank]
	action := g.Question.Action.Localize(rw.p)
	if e.node == nil {
		return []string{"–", "–", action, "–"}
	}
	when := rw.windowShort(&e.w)
	if due, ok := rw.inputDue(e.node.Plan, e.w); ok {
		when += "\n" + rw.p.T("report-input-due", "Month", rw.month(due))
	}
	return []string{when, e.node.Name.Localize(rw.p), action, adopter(rw.p, e.node.Plan)}
}

// unknownNote says why the windows of these entries are unknown and how
// to make them known in the answers file.
func (rw *reportWriter) unknownNote(es []calendarEntry) string {
	d, dated := rw.asOf()
	if !dated {
		return rw.p.T("report-calendar-no-date")
	}
	why := rw.p.T("report-calendar-why-decided")
	for _, e := range es {
		if cy := e.node.EffectiveCycle(); cy == nil || cy.Rule != assessment.CycleDecided {
			why = rw.p.T("report-calendar-why-unknown")
			break
		}
	}
	example := fmt.Sprintf("plans: {%s: {next: %d-06}}", es[0].node.ID, d.Year+1)
	return rw.p.T("report-calendar-how", "Why", why, "Example", example)
}
