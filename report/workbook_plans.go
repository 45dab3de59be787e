package report

import (
	"slices"
	"strings"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/scores"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// planGroup is a plan document with the actions that belong in it; node
// has no Plan for the actions that name none.
type planGroup struct {
	node              planNode
	name, description string
	ranks             []int // indexes into r.Gaps, by priority
	hasSub            bool  // other plans are sub-plans of this one
}

// planGroups are the plans in report order, each with its actions, and
// last the actions without a plan, if any.
func (rw *reportWriter) planGroups() []planGroup {
	var groups []planGroup
	byID := map[string]int{}
	for _, n := range planOrder(rw.q) {
		byID[n.ID] = len(groups)
		if n.parent != nil {
			groups[byID[n.parent.ID]].hasSub = true
		}
		groups = append(groups, planGroup{node: n, name: n.Name.Localize(rw.p), description: n.Description.Localize(rw.p)})
	}
	var none []int
	for i, g := range rw.r.Gaps {
		if len(g.Plans) == 0 {
			none = append(none, i)
		}
		for _, id := range g.Plans {
			if gi, ok := byID[id]; ok {
				groups[gi].ranks = append(groups[gi].ranks, i)
			}
		}
	}
	if len(none) > 0 {
		groups = append(groups, planGroup{name: rw.p.T("report-no-plan"), description: rw.p.T("report-no-plan-description"), ranks: none})
	}
	return groups
}

// plans groups the actions by plan document, in the order of the planning
// cycle with sub-plans under their parent, each group in priority order.
// A group starts with what a leader needs to act: the legal basis, who
// adopts the plan and the next chance to take the actions into it.
func (rw *reportWriter) plans() {
	b, r, q, st := rw.b, rw.r, rw.q, &rw.b.Styles
	rs := &rw.styles
	p := rw.p
	sh := rw.sheets.plans
	cols := []sheet.Column{{Title: p.T("report-col-number"), Width: 5}, {Title: p.T("report-col-action"), Width: 58}, {Title: p.T("col-area"), Width: 26},
		{Title: p.T("report-col-step-short"), Width: 7}, {Title: p.T("col-level"), Width: 7}, {Title: p.T("report-col-now-target"), Width: 30}, {Title: p.T("report-col-priority"), Width: 9}}
	b.AddSheet(sheet.Setup{Name: sh, Cols: cols, HeaderRows: 1})
	b.HeaderRow(sh, 1, cols, st.Header)
	// The area is indented, so that a long action does not run on into it;
	// row heights are estimated with the width the indent leaves.
	b.Set(sh, 3, 1, cols[2].Title, st.HeaderIndent)
	fit := slices.Clone(cols)
	fit[2].Width -= 2
	b.Check(b.File.SetRowHeight(sh, 1, 20))
	width := 0.0
	for _, c := range cols {
		width += c.Width
	}

	// A plan's heading stays with its first actions; a group that goes on
	// over a page break repeats its name at the top of the next page, so
	// that every printed page says which plan its actions belong in.
	flow := b.NewFlow(sh, cols, false, 20)
	row := 2
	for _, g := range rw.planGroups() {
		start := row
		// A sub-plan's heading is indented and lighter: it reads as part
		// of its parent's group.
		band, note := st.Band, st.BandNote
		if g.node.depth > 0 {
			band, note = rs.subBand, rs.subBandNote
		}
		title := p.T("report-group-title", "Name", g.name, "Actions", countText(p, len(g.ranks)))
		b.Merged(sh, row, 1, len(cols), title, band, width, 12)
		b.Check(b.File.SetRowHeight(sh, row, 22))
		row++
		if g.description != "" {
			b.Merged(sh, row, 1, len(cols), g.description, note, width, 10)
			row++
		}
		if g.node.Plan != nil {
			rw.planFacts(sh, row, len(cols), g.node, width)
			row++
		}
		if len(g.ranks) == 0 {
			empty := p.T("report-plan-empty")
			if g.hasSub {
				empty = p.T("report-plan-empty-parent")
			}
			b.Merged(sh, row, 1, len(cols), empty, st.TextMuted, width, 11)
			row += 2
			flow.Block(start, row-1, 0)
			continue
		}
		type line struct {
			vals []any
			h    float64
		}
		lines := make([]line, len(g.ranks))
		for k, i := range g.ranks {
			gp := r.Gaps[i]
			qu := gp.Question
			vals := []any{i + 1, qu.Action.Localize(p), gp.Area.Name.Localize(p), stepLabel(qu), tierLabel(qu),
				answerLabel(p, q, gp.QuestionResult) + " → " + targetLabel(p, q, gp.QuestionResult), gp.Priority}
			lines[k] = line{vals, sheet.CellsHeight(fit, vals)}
		}
		keep := b.HeightOf(sh, start, row-1)
		for _, l := range lines[:min(3, len(lines))] {
			keep += l.h
		}
		if !flow.Fits(keep) {
			flow.BreakBefore(start)
		}
		flow.Add(b.HeightOf(sh, start, row-1))
		for _, l := range lines {
			if !flow.Fits(l.h) {
				flow.BreakBefore(row)
				b.Merged(sh, row, 1, len(cols), p.T("report-continued", "Name", g.name), band, width, 12)
				b.Check(b.File.SetRowHeight(sh, row, 22))
				flow.Add(22)
				row++
			}
			styles := []int{st.Integer, st.Text, st.TextIndent, st.TextCenter, st.TextCenter, st.Text, st.TwoDecimals}
			for c, v := range l.vals {
				b.Set(sh, c+1, row, v, styles[c])
			}
			b.FitCells(sh, row, fit, l.vals)
			flow.Add(l.h)
			row++
		}
		// A blank row between groups; where it does not fit, it is the
		// top of the next page rather than a page of its own.
		if !flow.Fits(sheet.DefaultRowHeight) {
			flow.BreakBefore(row)
		}
		flow.Add(sheet.DefaultRowHeight)
		row++
	}
}

// fact is one labelled piece of a plan's facts line.
type fact struct{ label, value string }

// planFacts writes a plan's facts under its heading, across the sheet:
// the parent of a sub-plan, the legal basis and who adopts it; then its
// next window and what the answers file says of it.
func (rw *reportWriter) planFacts(sh string, row, last int, n planNode, width float64) {
	p := rw.p
	var first, second []fact
	if n.parent != nil {
		first = append(first, fact{p.T("report-fact-part-of"), n.parent.Name.Localize(p)})
	}
	if law := n.Law.Localize(p); law != "" {
		first = append(first, fact{p.T("report-fact-law"), law})
	}
	if by := adopter(p, n.Plan); by != "" {
		first = append(first, fact{p.T("report-fact-decided-by"), by})
	}
	second = append(second, fact{p.T("report-col-next"), rw.windowLong(n.Plan)})
	if st, ok := rw.r.Answers.Plans[n.ID]; ok {
		if st.Adopted.IsSet() {
			second = append(second, fact{p.T("report-fact-adopted"), st.Adopted.String()})
		}
		if st.Status != "" {
			second = append(second, fact{p.T("report-fact-status"), st.Status})
		}
	}
	style := rw.styles.facts
	if n.depth > 0 {
		style = rw.styles.subFacts
	}
	rw.richMerged(sh, row, 1, last, [][]fact{first, second}, style, width)
}

// richMerged writes lines of labelled facts, the labels bold, into merged
// cells, and makes the row tall enough for them at 10 pt.
func (rw *reportWriter) richMerged(sh string, row, col, last int, lines [][]fact, style int, width float64) {
	b := rw.b
	font := func(bold bool) *excelize.Font {
		return &excelize.Font{Family: "Calibri", Size: 10, Bold: bold, Color: sheet.ColorInk}
	}
	var runs []excelize.RichTextRun
	var plain strings.Builder
	add := func(text string, bold bool) {
		runs = append(runs, excelize.RichTextRun{Text: text, Font: font(bold)})
		plain.WriteString(text)
	}
	for _, line := range lines {
		if len(line) == 0 {
			continue
		}
		if plain.Len() > 0 {
			add("\n", false)
		}
		for i, f := range line {
			if i > 0 {
				add("   ·   ", false)
			}
			add(f.label+": ", true)
			add(sheet.Truncate(f.value, 2000), false)
		}
	}
	ref := sheet.Cell(col, row)
	b.Check(b.File.SetCellRichText(sh, ref, runs))
	b.Check(b.File.MergeCell(sh, ref, sheet.Cell(last, row)))
	b.Check(b.File.SetCellStyle(sh, ref, sheet.Cell(last, row), style))
	b.Check(b.File.SetRowHeight(sh, row, sheet.TextHeight(plain.String(), width-2, 10)))
}

// countText counts actions in words: «ingen tiltak», «ett tiltak», «tre
// tiltak».
func countText(p *lang.Printer, n int) string {
	if n == 0 {
		return p.T("report-actions-none")
	}
	return p.T("report-actions-count", "Count", n, "Words", scores.CountWord(p, n))
}
