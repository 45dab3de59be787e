package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// municipality is what a comparison keeps of one municipality's files:
// by default the newest and the previous row, and the totals of every
// file for the development sheet, never the results themselves.
type municipality struct {
	name             string // as in the newest file
	newest, previous *compareRow
	history          []trendPoint
}

// trendPoint is one file's total, for the development sheet.
type trendPoint struct {
	date            time.Time
	file            string
	total, coverage assessment.Score
	uncertain       bool
}

// older orders the files of a municipality from the oldest: by the
// answers' date, then by path, so that of two files of one day the one
// last in path order counts as the newer.
func older(a, b *compareRow) int { return age(a.date, a.file, b.date, b.file) }

// age orders a file of date ad at path af before one of bd at bf.
func age(ad time.Time, af string, bd time.Time, bf string) int {
	if d := ad.Compare(bd); d != 0 {
		return d
	}
	return cmp.Compare(af, bf)
}

// byNumberAge orders rows by municipality, then from the oldest.
func byNumberAge(a, b *compareRow) int {
	if d := cmp.Compare(a.number, b.number); d != 0 {
		return d
	}
	return older(a, b)
}

// add records a row of the group. By default it keeps only the newest and
// the previous row of each municipality; with all it keeps every row.
func (g *compareGroup) add(row *compareRow, all bool) {
	m := g.byNumber[row.number]
	if m == nil {
		m = &municipality{}
		g.byNumber[row.number] = m
	}
	m.history = append(m.history, trendPoint{date: row.date, file: row.file, total: row.total, coverage: row.coverage, uncertain: row.uncertain})
	// A later file with the same date and path (given twice) is newer.
	if m.newest == nil || older(row, m.newest) >= 0 {
		m.name = row.name
		m.newest, m.previous = row, m.newest
	} else if m.previous == nil || older(row, m.previous) >= 0 {
		m.previous = row
	}
	if all {
		g.all = append(g.all, row)
		return
	}
	if m.previous != nil {
		// The previous row is only compared with, so that no chain of
		// rows is kept.
		m.previous.prev = nil
	}
}

// linkPrevious gives each row its municipality's row before it.
func linkPrevious(rows []*compareRow) {
	byTime := slices.Clone(rows)
	slices.SortFunc(byTime, byNumberAge)
	for i, r := range byTime {
		r.prev = nil
		if i > 0 && byTime[i-1].number == r.number {
			r.prev = byTime[i-1]
		}
	}
}

// change is now − before, undefined when either is.
func change(now, before assessment.Score) assessment.Score {
	if !now.Defined || !before.Defined {
		return assessment.Score{}
	}
	return assessment.Some(now.Value - before.Value)
}

// changeCell is a row's change in one score since its municipality's
// previous file, signed with one decimal; «–» without one.
func changeCell(b *sheet.Book, r *compareRow, get func(*compareRow) assessment.Score) excelize.Cell {
	d := assessment.Score{}
	if r.prev != nil {
		d = change(get(r), get(r.prev))
	}
	if !d.Defined {
		return excelize.Cell{StyleID: b.Styles.TextCenter, Value: "–"}
	}
	return excelize.Cell{StyleID: b.Styles.SignedOneDecimal, Value: d.Value}
}

// dateStyle shows a date as the answers files write it, 2026-11-20.
func dateStyle(b *sheet.Book) int {
	return b.Style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Color: sheet.ColorInk},
		Alignment:    &excelize.Alignment{Horizontal: "center", Vertical: "top"},
		Border:       []excelize.Border{{Type: "bottom", Color: sheet.ColorLine, Style: 1}},
		CustomNumFmt: new("yyyy-mm-dd")})
}

// dateCell is a date, which sorts and filters as one, or «–» when unknown.
func dateCell(t time.Time, style, dash int) excelize.Cell {
	if t.IsZero() {
		return excelize.Cell{StyleID: dash, Value: "–"}
	}
	return excelize.Cell{StyleID: style, Value: t}
}

// trendSheet lists the totals of every municipality with more than one
// file, one row per file, oldest first, each with its change since the
// file before: a list reads and prints better than a column per date,
// since municipalities answer on different days.
func (c *Comparison) trendSheet(b *sheet.Book, g *compareGroup) {
	p, st := c.p, &b.Styles
	name := g.sheets.trend
	type entry struct {
		number string
		m      *municipality
	}
	var list []entry
	rows := 0
	for number, m := range g.byNumber {
		if len(m.history) > 1 {
			list = append(list, entry{number, m})
			rows += len(m.history)
		}
	}
	slices.SortFunc(list, func(a, b entry) int { return cmp.Compare(a.number, b.number) })

	cols := []sheet.Column{{Title: g.words.number, Width: 12}, {Title: g.words.title, Width: 22}, {Title: p.T("compare-col-date"), Width: 11},
		{Title: p.T("compare-col-total"), Width: 10}, {Title: p.T("report-col-change"), Width: 9}, {Title: p.T("col-coverage"), Width: 9},
		{Title: p.T("compare-col-note"), Width: 30}, {Title: p.T("compare-col-file"), Width: 30}}
	s := sheet.Setup{Name: name, Cols: cols, HeaderRows: 1, FreezeCols: 2, Portrait: true,
		PrintTo: len(cols) - 1} // the file is for the screen
	b.PrintSetup(s)
	b.AutoFilter(name, fmt.Sprintf("A1:%s", sheet.Cell(len(cols), rows+1)))

	sw := b.Stream(s)
	date := dateStyle(b)
	head := make([]any, len(cols))
	for i, col := range cols {
		head[i] = excelize.Cell{StyleID: st.HeaderCenter, Value: col.Title}
	}
	b.StreamRow(sw, 1, head, excelize.RowOpts{Height: 32})
	row := 2
	cells := make([]any, len(cols))
	for _, e := range list {
		points := e.m.history
		slices.SortFunc(points, func(a, b trendPoint) int { return age(a.date, a.file, b.date, b.file) })
		for i, pt := range points {
			// The municipality's name on its first row only in bold, so
			// that each one's rows read as a group; every row keeps it
			// for filtering and sorting.
			nameStyle := st.TextMuted
			if i == 0 {
				nameStyle = st.TextBold
			}
			cells[0] = excelize.Cell{StyleID: st.TextCenter, Value: e.number}
			cells[1] = excelize.Cell{StyleID: nameStyle, Value: e.m.name}
			cells[2] = dateCell(pt.date, date, st.TextCenter)
			cells[3] = scoreOrDash(pt.total, st.OneDecimalBold)
			cells[4] = excelize.Cell{StyleID: st.TextCenter, Value: "–"}
			if i > 0 {
				if d := change(pt.total, points[i-1].total); d.Defined {
					cells[4] = excelize.Cell{StyleID: st.SignedOneDecimal, Value: d.Value}
				}
			}
			cells[5] = scoreOrDash(pt.coverage, st.Percent)
			var notes []string
			if i == len(points)-1 && !c.opt.All {
				notes = append(notes, p.T("compare-trend-newest", "Sheet", g.sheets.overview))
			}
			if pt.uncertain || !pt.total.Defined {
				notes = append(notes, uncertainText(p, pt.coverage))
			}
			note := strings.Join(notes, "; ")
			cells[6] = excelize.Cell{StyleID: st.Text, Value: note}
			cells[7] = excelize.Cell{StyleID: st.TextMuted, Value: pt.file}
			b.StreamRow(sw, row, cells, sheet.FitRowOpts(cols, map[int]string{1: e.m.name, 6: note, 7: pt.file}))
			row++
		}
	}
	ranked := p.T("compare-trend-newest-ranked", "One", g.words.one)
	if c.opt.All {
		ranked = p.T("compare-trend-all")
	}
	text := sentences(p.T("compare-trend-note", "The", g.words.the, "Change", cols[4].Title, "Orgs", capitalize(g.words.Orgs), "Sheet", g.sheets.overview), ranked)
	streamNote(b, sw, row+1, cols[:len(cols)-1], text)
	if sw != nil {
		b.Check(sw.Flush())
	}
}
