package report

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/scores"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// reportSheets are the names of the municipality report's sheets in one
// language: Excel shows them on the tabs, and the text refers to them.
type reportSheets struct {
	summary, actions, plans, calendar, answers, method, glossary, examples, facts string
}

// Sheet names of the municipality report in bokmål, in order; a report
// in nynorsk names its sheets in nynorsk.
var (
	nbReportSheets = reportSheetNames(lang.For(lang.NB))

	SheetSummary  = nbReportSheets.summary
	SheetActions  = nbReportSheets.actions
	SheetPlans    = nbReportSheets.plans
	SheetCalendar = nbReportSheets.calendar
	SheetAnswers  = nbReportSheets.answers
	SheetMethod   = nbReportSheets.method
	SheetGlossary = nbReportSheets.glossary
	SheetExamples = nbReportSheets.examples
	SheetFacts    = nbReportSheets.facts
)

func reportSheetNames(p *lang.Printer) reportSheets {
	return reportSheets{
		summary: p.T("report-sheet-summary"), actions: p.T("report-sheet-actions"), plans: p.T("report-sheet-plans"),
		calendar: p.T("report-sheet-calendar"), answers: p.T("report-sheet-answers"), method: p.T("report-sheet-method"),
		glossary: p.T("report-sheet-glossary"), examples: p.T("report-sheet-examples"), facts: p.T("report-sheet-facts"),
	}
}

// topGaps is how many actions the summary lists.
const topGaps = 5

// ReportOptions tune the municipality workbook.
type ReportOptions struct {
	// Baseline is an earlier assessment of the same municipality; when set,
	// the summary shows the change per area and says how things moved.
	Baseline *assessment.Result
	// ToolVersion goes into the document properties and the method sheet.
	ToolVersion string
	// Now is when the report is made (SOURCE_DATE_EPOCH in the command),
	// so that the same inputs give the same file.
	Now time.Time
	// File is the answers file the result came from, shown in the method
	// sheet so a reader can find the source.
	File string
	// Lang is the written standard of the report, the questionnaire's
	// texts included; the zero value is bokmål.
	Lang lang.Lang
}

// WriteReport writes the workbook of one result for the municipality's
// leaders, in opt.Lang: Sammendrag, Tiltak, Planverk, Årshjul, Svar,
// Metode and, when the questionnaire has them, Begreper, Eksempler and
// Nøkkeltall.
func WriteReport(w io.Writer, r *assessment.Result, opt ReportOptions) error {
	if opt.ToolVersion == "" {
		opt.ToolVersion = "dev"
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	p := lang.For(opt.Lang)
	rw := &reportWriter{r: r, q: r.Questionnaire, opt: opt, p: p, sheets: reportSheetNames(p)}
	m := r.Answers.Municipality
	rw.b = sheet.NewIn(p.Lang(), fmt.Sprintf("%s (%s)", m.Name, m.Number),
		fmt.Sprintf("%s · %s", r.Questionnaire.Title.Localize(p), r.Questionnaire.Ref()))
	defer rw.b.File.Close()
	rw.styles = newReportStyles(rw.b)

	rw.summary()
	rw.actions()
	rw.plans()
	rw.calendar()
	rw.answers()
	rw.method()
	rw.glossary()
	rw.examples()
	rw.facts()

	b := rw.b
	b.DocProps(
		p.T("report-doc-title", "Name", m.Name),
		p.T("report-doc-subject", "Name", m.Name, "Number", m.Number, "Date", r.Answers.Date.String()),
		p.T("report-doc-description", "Ref", r.Questionnaire.Ref().String(), "Version", opt.ToolVersion),
		opt.ToolVersion, opt.Now)
	b.File.SetActiveSheet(0)
	if err := b.Err(); err != nil {
		return fmt.Errorf("%s: %w", p.T("report-workbook-failed"), err)
	}
	_, err := b.File.WriteTo(w)
	return err
}

type reportWriter struct {
	r   *assessment.Result
	q   *assessment.Questionnaire
	opt ReportOptions
	// p speaks the report's language; sheets are its sheets' names in it.
	p      *lang.Printer
	sheets reportSheets
	b      *sheet.Book
	// styles are the report's own, beyond the book's shared ones.
	styles reportStyles
	// chartRange are the first and last rows of the area table, which the
	// radar chart reads.
	chartRange [3]int
}

// scoreCell is a value that may be undefined, as it goes into a cell.
type scoreCell struct {
	v  float64
	ok bool
}

func sc(s assessment.Score) scoreCell { return scoreCell{s.Value, s.Defined} }

// setScore writes a score, or «–» when it is undefined.
func setScore(b *sheet.Book, sh string, col, row int, s scoreCell, style int) {
	if s.ok {
		b.Set(sh, col, row, s.v, style)
		return
	}
	b.Set(sh, col, row, "–", style)
}

// summaryLayout are the columns of the summary: the area table decides
// them, and the other blocks are laid over the same grid.
type summaryLayout struct {
	cols              []sheet.Column
	score, level, cov int // columns of the area table
	prev, change      int // 0 without a baseline
	firstStep, nSteps int
	firstTier, nTiers int
	last              int
	width             float64 // all columns, in characters
	// First columns of the top-gap blocks for an action's plans and their
	// next window; the action takes the columns from the second.
	gapPlan, gapNext int
}

func (rw *reportWriter) layout() summaryLayout {
	p := rw.p
	l := summaryLayout{}
	l.cols = []sheet.Column{{Title: p.T("col-area"), Width: 32}, {Title: p.T("col-score"), Width: 9}, {Title: p.T("col-level"), Width: 14}, {Title: p.T("col-coverage"), Width: 9}}
	l.score, l.level, l.cov = 2, 3, 4
	if rw.opt.Baseline != nil {
		l.cols = append(l.cols, sheet.Column{Title: p.T("report-col-previous"), Width: 9}, sheet.Column{Title: p.T("report-col-change"), Width: 9})
		l.prev, l.change = 5, 6
	}
	l.firstStep, l.nSteps = len(l.cols)+1, len(rw.q.Steps)
	for _, s := range rw.q.Steps {
		l.cols = append(l.cols, sheet.Column{Title: p.T("report-col-step", "ID", s.ID), Width: 8.5})
	}
	l.firstTier, l.nTiers = len(l.cols)+1, len(rw.q.Tiers)
	for _, t := range rw.q.Tiers {
		l.cols = append(l.cols, sheet.Column{Title: p.T("report-col-tier", "ID", t.ID), Width: 8.5})
	}
	// The top-gap block needs room for an action, its plans and their
	// next window even when the questionnaire has few steps and tiers.
	for len(l.cols) < 12 {
		l.cols = append(l.cols, sheet.Column{Width: 8.5})
	}
	l.last = len(l.cols)
	for _, c := range l.cols {
		l.width += c.Width
	}
	// Two columns for the window (17 characters: a month and a year on
	// one line), three for the plans (a long plan name on a line), the
	// rest for the action.
	l.gapNext = l.last - 1
	l.gapPlan = l.gapNext - 3
	return l
}

// spanWidth is the width in characters of columns from to to (1-based).
func spanWidth(cols []sheet.Column, from, to int) float64 {
	w := 0.0
	for i := from; i <= to; i++ {
		w += cols[i-1].Width
	}
	return w
}

func (rw *reportWriter) summary() {
	b, r, q, p, st := rw.b, rw.r, rw.q, rw.p, &rw.b.Styles
	l := rw.layout()
	sh := rw.sheets.summary
	b.AddSheet(sheet.Setup{Name: sh, Cols: l.cols, NoGrid: true})
	m := r.Answers.Municipality

	row := 1
	b.Merged(sh, row, 1, l.last, q.Title.Localize(p), st.Title, l.width, 18)
	row++
	who := fmt.Sprintf("%s (%s)", m.Name, m.Number)
	if r.Answers.Date.IsSet() {
		who = p.T("report-who-dated", "Who", who, "Date", rw.date(r.Answers.Date.Time))
	}
	b.Merged(sh, row, 1, l.last, who, b.Style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 14, Bold: true, Color: sheet.ColorInk}}), l.width, 14)
	row++
	if len(r.Answers.Respondents) > 0 {
		names := make([]string, len(r.Answers.Respondents))
		for i, p := range r.Answers.Respondents {
			names[i] = p.Name
			if p.Role != "" {
				names[i] += " (" + p.Role + ")"
			}
		}
		b.Merged(sh, row, 1, l.last, p.T("report-respondents", "Names", scores.JoinAnd(p, names)), st.Subtitle, l.width, 11)
		row++
	}
	if documented, answered := documentedCount(r); answered > 0 {
		b.Merged(sh, row, 1, l.last, p.T("report-documented", "Documented", documented, "Answered", answered), st.Subtitle, l.width, 11)
		row++
	}
	b.Merged(sh, row, 1, l.last, p.T("report-made-with", "Ref", q.Ref().String(), "Date", rw.date(rw.opt.Now), "Version", rw.opt.ToolVersion),
		st.Note, l.width, 10)
	row++
	b.Check(b.File.SetRowHeight(sh, row, 8))
	row++

	row = rw.keyFigures(l, row)

	b.Check(b.File.SetRowHeight(sh, row, 8))
	row++
	rw.heading(l, row, p.T("report-findings"))
	row++
	// A little air between the heading's rule and the first finding.
	b.Check(b.File.SetRowHeight(sh, row, 4))
	row++
	for _, f := range KeyFindings(p, r, rw.opt.Baseline) {
		b.Merged(sh, row, 1, l.last, "•  "+f, st.Paragraph, l.width-3, 11)
		row++
	}

	flow := b.NewFlow(sh, l.cols, false, 0)
	flow.Block(1, row-1, 0)

	// Each of the blocks below stays on one page when it can.
	b.Check(b.File.SetRowHeight(sh, row, 8))
	row++
	start := row
	row = rw.areaTable(l, row)
	flow.Block(start, row-1, 0)

	// The chart has its own title; a heading above it would only take
	// room from it.
	b.Check(b.File.SetRowHeight(sh, row, 8))
	row++
	start = row
	row = rw.radar(l, row)
	flow.Block(start, row-1, 0)

	b.Check(b.File.SetRowHeight(sh, row, 8))
	row++
	start = row
	row = rw.topGaps(l, row)
	flow.Block(start, row-1, 24+20+3*40)

	if len(r.Unknown) > 0 {
		b.Check(b.File.SetRowHeight(sh, row, 8))
		row++
		start = row
		row = rw.unknownList(l, row)
		flow.Block(start, row-1, 0)
	}
}

// maxUnknownListed keeps the summary's list of «vet ikke» answers short;
// Svar has them all.
const maxUnknownListed = 8

// unknownList lists the questions answered «vet ikke», with their ids for
// the answers file, and returns the row below.
func (rw *reportWriter) unknownList(l summaryLayout, row int) int {
	b, r, p, st := rw.b, rw.r, rw.p, &rw.b.Styles
	sh := rw.sheets.summary
	rw.heading(l, row, p.T("report-unknown-heading"))
	row++
	blocks := []block{{p.T("col-area"), 1, 1}, {p.T("report-col-question"), 2, l.gapNext - 2}, {p.T("report-col-id-in-file"), l.gapNext - 1, l.last}}
	rw.blockRow(sh, row, l.cols, blocks, blockTitles(blocks), st.Header, st.HeaderIndent, 20)
	row++
	for _, qu := range r.Unknown[:min(maxUnknownListed, len(r.Unknown))] {
		_, a, _ := rw.q.Question(qu.ID)
		rw.blockRow(sh, row, l.cols, blocks, []string{a.Name.Localize(p), qu.Text.Localize(p), qu.ID}, st.Text, st.TextIndent, 0)
		row++
	}
	if more := len(r.Unknown) - maxUnknownListed; more > 0 {
		b.Merged(sh, row, 1, l.last, p.T("report-unknown-more", "More", more, "Sheet", rw.sheets.answers), st.Note, l.width, 10)
		row++
	}
	return row
}

// heading writes a section heading across the summary.
func (rw *reportWriter) heading(l summaryLayout, row int, text string) {
	b, sh := rw.b, rw.sheets.summary
	b.Set(sh, 1, row, text, b.Styles.Heading)
	b.Check(b.File.SetCellStyle(sh, sheet.Cell(1, row), sheet.Cell(l.last, row), b.Styles.Heading))
	b.Check(b.File.SetRowHeight(sh, row, 24))
}

// date is a date as in running text, «20. november 2026».
func (rw *reportWriter) date(t time.Time) string { return scores.DateText(rw.p, t) }

// documentedCount counts the valid answers (a value or «ikke relevant»)
// and those of them whose evidence the answers file gives.
func documentedCount(r *assessment.Result) (documented, answered int) {
	for _, qr := range r.Questions {
		if qr.Answer == nil || qr.Status != assessment.Answered && qr.Status != assessment.NotApplicable {
			continue
		}
		answered++
		if len(qr.Answer.Evidence) > 0 {
			documented++
		}
	}
	return documented, answered
}

// keyFigures writes total score, level and coverage (and the change)
// large, each with a label above and an explanation below.
func (rw *reportWriter) keyFigures(l summaryLayout, row int) int {
	b, r, p, st := rw.b, rw.r, rw.p, &rw.b.Styles
	sh := rw.sheets.summary
	type figure struct {
		label     string
		value     any
		style     int
		note      string
		from, to  int
		noteStyle int // st.Subtitle when 0
	}
	level, levelNote := "–", p.T("report-no-score-yet")
	if r.Level != nil {
		level, levelNote = scores.LevelName(p, r.Level), p.T("report-level-rank", "Rank", r.Level.Rank, "Of", len(rw.q.Levels))
	}
	// A total on too few answers keeps its number and level, and says
	// in words, marked, how little it rests on.
	totalNote, totalStyle := p.T("report-points"), 0
	if r.Uncertain && r.Total.Defined {
		totalNote, totalStyle = scores.UncertainText(p, scores.FormatShare(r.Coverage)), rw.styles.uncertain
		levelNote = p.T("report-level-uncertain", "Note", levelNote)
	}
	answered, possible := 0, 0
	for _, qr := range r.Questions {
		if qr.Scored && qr.Status != assessment.NotApplicable {
			possible++
			if qr.Status == assessment.Answered {
				answered++
			}
		}
	}
	figs := []figure{
		{p.T("report-figure-total"), scoreValue(r.Total), st.BigOneDecimal, totalNote, 1, 1, totalStyle},
		{p.T("report-figure-level"), level, st.BigText, levelNote, l.score, l.cov, 0},
		{p.T("col-coverage"), shareValue(r.Coverage), st.BigPercent, p.T("report-answered-of", "Answered", answered, "Possible", possible), l.cov + 1, l.cov + 3, 0},
	}
	if base := rw.opt.Baseline; base != nil && base.Total.Defined && r.Total.Defined {
		d := r.Total.Value - base.Total.Value
		figs = append(figs, figure{p.T("report-col-change"), d, b.Style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 26, Bold: true, Color: sheet.ColorNavy},
			CustomNumFmt: new(sheet.SignedOneDecimalFormat), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}),
			p.T("report-points-since", "Date", rw.date(base.Answers.Date.Time)), l.cov + 4, l.cov + 6, 0})
	}
	// A note that does not fit its columns («poeng siden 10. november
	// 2025») wraps, and its row is made tall enough for it.
	notes := sheet.DefaultRowHeight
	for _, f := range figs {
		b.Set(sh, f.from, row, f.label, st.BigLabel)
		b.Set(sh, f.from, row+1, f.value, f.style)
		if f.noteStyle == 0 {
			f.noteStyle = st.Subtitle
		}
		b.Set(sh, f.from, row+2, f.note, f.noteStyle)
		notes = max(notes, sheet.TextHeight(f.note, spanWidth(l.cols, f.from, f.to), 11))
		if f.to > f.from {
			for i := range 3 {
				b.Check(b.File.MergeCell(sh, sheet.Cell(f.from, row+i), sheet.Cell(f.to, row+i)))
			}
		}
	}
	b.Check(b.File.SetRowHeight(sh, row+1, 36))
	if notes > sheet.DefaultRowHeight {
		b.Check(b.File.SetRowHeight(sh, row+2, notes))
	}
	return row + 3
}

func scoreValue(s assessment.Score) any {
	if !s.Defined {
		return "–"
	}
	return s.Value
}

func shareValue(s assessment.Score) any {
	if !s.Defined {
		return "–"
	}
	return s.Value
}

// areaTable writes the areas with score, level and coverage beside the two
// heat maps, area × trinn and area × tiltaksnivå, and a row for all areas.
func (rw *reportWriter) areaTable(l summaryLayout, row int) int {
	b, r, q, p, st := rw.b, rw.r, rw.q, rw.p, &rw.b.Styles
	sh := rw.sheets.summary
	rw.heading(l, row, p.T("report-areas-heading"))
	row++

	// Two header rows: group titles over the heat maps, then the columns.
	top := row
	last := l.firstTier + l.nTiers - 1
	for c := 1; c <= last; c++ {
		b.Set(sh, c, top, "", st.HeaderCenter)
		b.Set(sh, c, top+1, l.cols[c-1].Title, st.HeaderCenter)
	}
	b.Set(sh, 1, top+1, l.cols[0].Title, st.Header)
	for c := 1; c < l.firstStep; c++ {
		b.Check(b.File.MergeCell(sh, sheet.Cell(c, top), sheet.Cell(c, top+1)))
	}
	b.Set(sh, 1, top, l.cols[0].Title, st.Header)
	for c := 2; c < l.firstStep; c++ {
		b.Set(sh, c, top, l.cols[c-1].Title, st.HeaderCenter)
	}
	if l.nSteps > 0 {
		b.Set(sh, l.firstStep, top, p.T("report-steps"), st.HeaderCenter)
		b.Check(b.File.MergeCell(sh, sheet.Cell(l.firstStep, top), sheet.Cell(l.firstStep+l.nSteps-1, top)))
	}
	if l.nTiers > 0 {
		b.Set(sh, l.firstTier, top, p.T("report-tiers"), st.HeaderCenter)
		b.Check(b.File.MergeCell(sh, sheet.Cell(l.firstTier, top), sheet.Cell(l.firstTier+l.nTiers-1, top)))
	}
	row += 2

	first := row
	for _, ar := range r.Areas {
		name := ar.Area.Name.Localize(p)
		b.Set(sh, 1, row, name, st.Text)
		// A long area name wraps rather than running into the next row.
		b.FitCells(sh, row, l.cols[:1], []any{name})
		setScore(b, sh, l.score, row, sc(ar.Score), st.OneDecimal)
		b.Set(sh, l.level, row, scores.LevelName(p, ar.Level), st.TextCenter)
		setScore(b, sh, l.cov, row, sc(ar.Coverage), st.Percent)
		if l.prev > 0 {
			base, ok := baselineArea(rw.opt.Baseline, ar.Area.ID)
			setScore(b, sh, l.prev, row, scoreCell{base.Score.Value, ok && base.Score.Defined}, st.OneDecimal)
			d := scoreCell{ar.Score.Value - base.Score.Value, ok && base.Score.Defined && ar.Score.Defined}
			setScore(b, sh, l.change, row, d, st.SignedOneDecimal)
		}
		for i := range ar.Steps {
			setScore(b, sh, l.firstStep+i, row, sc(ar.Steps[i].Score), st.OneDecimal)
		}
		for i := range ar.Tiers {
			setScore(b, sh, l.firstTier+i, row, sc(ar.Tiers[i].Score), st.OneDecimal)
		}
		row++
	}
	lastArea := row - 1
	b.Set(sh, 1, row, p.T("report-all-areas"), st.TextBold)
	setScore(b, sh, l.score, row, sc(r.Total), st.OneDecimalBold)
	b.Set(sh, l.level, row, scores.LevelName(p, r.Level), st.TextCenter)
	setScore(b, sh, l.cov, row, sc(r.Coverage), st.Percent)
	if l.prev > 0 {
		base := rw.opt.Baseline
		setScore(b, sh, l.prev, row, sc(base.Total), st.OneDecimalBold)
		setScore(b, sh, l.change, row, scoreCell{r.Total.Value - base.Total.Value, r.Total.Defined && base.Total.Defined}, st.SignedOneDecimal)
	}
	for i, s := range r.Steps {
		setScore(b, sh, l.firstStep+i, row, sc(s.Score), st.OneDecimalBold)
	}
	for i, t := range r.Tiers {
		setScore(b, sh, l.firstTier+i, row, sc(t.Score), st.OneDecimalBold)
	}
	totalRow := row
	row++

	scale := colorScale()
	b.Check(b.File.SetConditionalFormat(sh, fmt.Sprintf("%s:%s", sheet.Cell(l.score, first), sheet.Cell(l.score, totalRow)), scale))
	if l.prev > 0 {
		b.Check(b.File.SetConditionalFormat(sh, fmt.Sprintf("%s:%s", sheet.Cell(l.prev, first), sheet.Cell(l.prev, totalRow)), scale))
	}
	if l.nSteps+l.nTiers > 0 {
		b.Check(b.File.SetConditionalFormat(sh, fmt.Sprintf("%s:%s", sheet.Cell(l.firstStep, first), sheet.Cell(last, totalRow)), scale))
	}
	rw.chartRange = [3]int{first, lastArea, top}
	rw.chartData(l, top, first)

	// A legend: what the numbered columns mean, and how to read colours.
	var steps, tiers []string
	for _, s := range q.Steps {
		steps = append(steps, fmt.Sprintf("%d %s", s.ID, s.Name.Localize(p)))
	}
	for _, t := range q.Tiers {
		tiers = append(tiers, fmt.Sprintf("%s %s", t.ID, t.Name.Localize(p)))
	}
	b.Check(b.File.SetRowHeight(sh, row, 6))
	row++
	legend := []string{}
	if len(steps) > 0 {
		legend = append(legend, p.T("report-legend-steps", "Steps", strings.Join(steps, " · ")))
	}
	if len(tiers) > 0 {
		legend = append(legend, p.T("report-legend-tiers", "Tiers", strings.Join(tiers, " · ")))
	}
	legend = append(legend, p.T("report-legend-colours"))
	for _, t := range legend {
		b.Merged(sh, row, 1, l.last, t, st.Note, l.width, 10)
		row++
	}
	return row
}

// chartData writes the radar chart's numbers in hidden columns right of
// the table: there an undefined score is an empty cell, which the chart
// leaves out, where «–» in the table would be drawn as 0. The header cells
// name the series.
func (rw *reportWriter) chartData(l summaryLayout, head, first int) {
	b, r, p := rw.b, rw.r, rw.p
	sh := rw.sheets.summary
	now, prev := l.last+2, l.last+3
	b.Set(sh, now, head, p.T("report-series-now", "Date", rw.date(r.Answers.Date.Time)), 0)
	for i, ar := range r.Areas {
		if ar.Score.Defined {
			b.Set(sh, now, first+i, ar.Score.Value, 0)
		}
	}
	hide := now
	if base := rw.opt.Baseline; base != nil {
		b.Set(sh, prev, head, p.T("report-series-baseline", "Date", rw.date(base.Answers.Date.Time)), 0)
		for i, ar := range r.Areas {
			if ba, ok := baselineArea(base, ar.Area.ID); ok && ba.Score.Defined {
				b.Set(sh, prev, first+i, ba.Score.Value, 0)
			}
		}
		hide = prev
	}
	b.Check(b.File.SetColVisible(sh, fmt.Sprintf("%s:%s", sheet.ColName(l.last+1), sheet.ColName(hide)), false))
}

// radar draws the area scores as a radar chart (with the baseline as a
// second series), anchored at row, and returns the row below it.
func (rw *reportWriter) radar(l summaryLayout, row int) int {
	b, r, p := rw.b, rw.r, rw.p
	sh := rw.sheets.summary
	first, last, head := rw.chartRange[0], rw.chartRange[1], rw.chartRange[2]
	ref := func(col int) string {
		c := sheet.ColName(col)
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet.QuoteSheet(sh), c, first, c, last)
	}
	// A series is named by a cell: the headers of the hidden chart data.
	name := func(col int) string { return fmt.Sprintf("%s!$%s$%d", sheet.QuoteSheet(sh), sheet.ColName(col), head) }
	legend := "none"
	series := []excelize.ChartSeries{{
		Name: name(l.last + 2), Categories: ref(1), Values: ref(l.last + 2),
		Line:   excelize.LineOptions{Width: 2.5},
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartNow}},
		Marker: excelize.ChartMarker{Symbol: "circle", Size: 6, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartNow}}},
	}}
	alt := make([]string, 0, len(r.Areas))
	for _, ar := range r.Areas {
		alt = append(alt, fmt.Sprintf("%s %s", ar.Area.Name.Localize(p), scores.FormatScore(ar.Score)))
	}
	altText := p.T("report-radar-alt", "Scores", strings.Join(alt, "; "))
	if base := rw.opt.Baseline; base != nil {
		series = append(series, excelize.ChartSeries{
			Name: name(l.last + 3), Categories: ref(1), Values: ref(l.last + 3),
			Line:   excelize.LineOptions{Width: 1.5, Dash: excelize.LineDashDash},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartBaseline}},
			Marker: excelize.ChartMarker{Symbol: "square", Size: 5, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartBaseline}}},
		})
		altText = sentences(altText, p.T("report-radar-alt-baseline"))
		legend = "bottom"
	}
	// The rows under the chart get a fixed height before it is placed, so
	// that the chart and what follows line up in every program; two rows
	// spare absorb rounding (LibreOffice draws the chart a little taller).
	rows := int(math.Ceil(chartHeight*0.75/sheet.DefaultRowHeight)) + 2
	for i := range rows {
		b.Check(b.File.SetRowHeight(sh, row+i, sheet.DefaultRowHeight))
	}
	lo, hi := 0.0, 100.0
	b.Check(b.File.AddChart(sh, sheet.Cell(1, row), &excelize.Chart{
		Type:   excelize.Radar,
		Series: series,
		Format: excelize.GraphicOptions{AltText: altText, Name: p.T("report-radar-name"), OffsetX: 4, OffsetY: 4},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: p.T("report-radar-title"),
			Font: &excelize.Font{Bold: true, Size: 12, Color: sheet.ColorNavy}}}},
		Legend:    excelize.ChartLegend{Position: legend},
		Dimension: excelize.ChartDimension{Width: 640, Height: chartHeight},
		YAxis: excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorUnit: 20, MajorGridLines: true,
			Font: excelize.Font{Size: 9, Color: sheet.ColorMuted}},
		XAxis: excelize.ChartAxis{Font: excelize.Font{Size: 10, Color: sheet.ColorInk}},
	}))
	return row + rows
}

// chartHeight is the radar chart's height in pixels.
const chartHeight = 280

// topGaps lists the highest-priority actions as the summary's last block,
// and returns the row below it.
func (rw *reportWriter) topGaps(l summaryLayout, row int) int {
	b, r, q, p, st := rw.b, rw.r, rw.q, rw.p, &rw.b.Styles
	sh := rw.sheets.summary
	rw.heading(l, row, scores.TopGapsTitle(p, min(topGaps, len(r.Gaps))))
	row++
	if len(r.Gaps) == 0 {
		b.Merged(sh, row, 1, l.last, rw.noGaps(), st.Paragraph, l.width, 11)
		return row + 1
	}
	// The area and where the answer stands share the first column, so
	// that the action has room to be read in a few lines.
	blocks := []block{
		{p.T("report-col-area-now-target"), 1, 1},
		{p.T("report-col-action"), 2, l.gapPlan - 1},
		{p.T("report-col-taken-into"), l.gapPlan, l.gapNext - 1},
		{p.T("report-col-next"), l.gapNext, l.last},
	}
	rw.blockRow(sh, row, l.cols, blocks, blockTitles(blocks), st.Header, st.HeaderIndent, 20)
	row++
	for i, g := range r.Gaps[:min(topGaps, len(r.Gaps))] {
		texts := []string{
			fmt.Sprintf("%d. %s\n%s → %s", i+1, g.Area.Name.Localize(p), answerLabel(p, q, g.QuestionResult), targetLabel(p, q, g.QuestionResult)),
			g.Question.Action.Localize(p),
			planNames(p, q, g.Plans),
			rw.windowShort(g.NextWindow),
		}
		rw.blockRow(sh, row, l.cols, blocks, texts, st.Text, st.TextIndent, 0)
		row++
	}
	return row
}

// block is a run of columns merged to hold one value of a table row: a
// table laid over a sheet whose columns were made for another.
type block struct {
	title    string
	from, to int // 1-based columns, inclusive
}

func blockTitles(blocks []block) []string {
	out := make([]string, len(blocks))
	for i, bl := range blocks {
		out[i] = bl.title
	}
	return out
}

// blockRow writes one text into each block of a row, merged across its
// columns; all but the first are indented a little, so that a wrapped text
// never runs into the one beside it where there are no gridlines. The row
// gets the height of its tallest text, and at least minHeight; it returns
// that height.
func (rw *reportWriter) blockRow(sh string, row int, cols []sheet.Column, blocks []block, texts []string, first, rest int, minHeight float64) float64 {
	b := rw.b
	h := minHeight
	for j, bl := range blocks {
		style, indent := first, 0.0
		if j > 0 {
			// An indent takes about two characters of the width.
			style, indent = rest, 2
		}
		b.Set(sh, bl.from, row, texts[j], style)
		if bl.to > bl.from {
			b.Check(b.File.MergeCell(sh, sheet.Cell(bl.from, row), sheet.Cell(bl.to, row)))
			b.Check(b.File.SetCellStyle(sh, sheet.Cell(bl.from, row), sheet.Cell(bl.to, row), style))
		}
		h = max(h, sheet.TextHeight(texts[j], spanWidth(cols, bl.from, bl.to)-indent, 11))
	}
	b.Check(b.File.SetRowHeight(sh, row, h))
	return h
}

// noGaps says why there are no actions: nothing is answered yet, or every
// answer reaches its target.
func (rw *reportWriter) noGaps() string {
	if !rw.r.Total.Defined {
		return rw.p.T("report-no-actions-unanswered")
	}
	return rw.p.T("report-no-actions-on-target")
}

// actions writes every gap as a row, in priority order.
func (rw *reportWriter) actions() {
	b, r, q, p, st := rw.b, rw.r, rw.q, rw.p, &rw.b.Styles
	sh := rw.sheets.actions
	cols := []sheet.Column{
		{Title: p.T("report-col-number"), Width: 5}, {Title: p.T("col-area"), Width: 16}, {Title: p.T("report-col-step-short"), Width: 6},
		{Title: p.T("col-level"), Width: 6}, {Title: p.T("report-col-question"), Width: 31}, {Title: p.T("report-col-answer"), Width: 13},
		{Title: p.T("report-col-target"), Width: 13}, {Title: p.T("report-col-priority"), Width: 8.5}, {Title: p.T("report-col-recommended"), Width: 36},
		{Title: p.T("report-col-plan-document"), Width: 19}, {Title: p.T("report-col-strategy"), Width: 17}, {Title: p.T("report-col-examples"), Width: 16},
	}
	b.AddSheet(sheet.Setup{Name: sh, Cols: cols, HeaderRows: 1})
	b.HeaderRow(sh, 1, cols, st.Header)
	b.Check(b.File.SetRowHeight(sh, 1, 20))
	if len(r.Gaps) == 0 {
		b.Merged(sh, 2, 1, len(cols), rw.noGaps(), st.Text, 200, 11)
		return
	}
	for i, g := range r.Gaps {
		row := i + 2
		qu := g.Question
		strategy := ""
		if s, ok := q.StrategyByID(qu.Strategy); ok {
			strategy = s.Name.Localize(p)
		}
		var examples []string
		for _, id := range qu.Examples {
			if e, ok := q.ExampleByID(id); ok {
				examples = append(examples, e.Name.Localize(p))
			}
		}
		vals := []any{i + 1, g.Area.Name.Localize(p), stepLabel(qu), tierLabel(qu), qu.Text.Localize(p),
			answerLabel(p, q, g.QuestionResult), targetLabel(p, q, g.QuestionResult), g.Priority,
			qu.Action.Localize(p), planNames(p, q, g.Plans), strategy, strings.Join(examples, "; ")}
		styles := []int{st.Integer, st.Text, st.TextCenter, st.TextCenter, st.Text, st.Text,
			st.Text, st.TwoDecimals, st.Text, st.Text, st.Text, st.Text}
		for c, v := range vals {
			b.Set(sh, c+1, row, v, styles[c])
		}
		b.FitCells(sh, row, cols, vals)
	}
	b.AutoFilter(sh, fmt.Sprintf("A1:%s", sheet.Cell(len(cols), len(r.Gaps)+1)))
}

// answers lists every question with its answer, comment, who gave it and
// where it is documented, value and gap. A row is a list of cells in the
// order of cols, so that a column is added in two places that stand side
// by side.
func (rw *reportWriter) answers() {
	b, r, q, p, st := rw.b, rw.r, rw.q, rw.p, &rw.b.Styles
	sh := rw.sheets.answers
	cols := []sheet.Column{
		{Title: p.T("col-area"), Width: 16}, {Title: p.T("report-col-question"), Width: 38}, {Title: p.T("report-col-step-short"), Width: 7},
		{Title: p.T("col-level"), Width: 7}, {Title: p.T("report-col-answer"), Width: 18}, {Title: p.T("report-col-comment"), Width: 32},
		{Title: p.T("report-col-by"), Width: 14}, {Title: p.T("report-col-evidence"), Width: 24},
		{Title: p.T("report-col-value"), Width: 10}, {Title: p.T("report-col-target"), Width: 15}, {Title: p.T("report-col-gap"), Width: 7},
		{Title: p.T("report-col-question-id"), Width: 26},
	}
	// The id is for finding a question in the answers file on the screen;
	// the printout ends with the gap and is the larger for it.
	b.AddSheet(sheet.Setup{Name: sh, Cols: cols, HeaderRows: 1, PrintTo: len(cols) - 1})
	b.HeaderRow(sh, 1, cols, st.Header)
	b.Check(b.File.SetRowHeight(sh, 1, 32))
	type cell struct {
		v     any
		style int
	}
	vals := make([]any, len(cols))
	for i := range r.Questions {
		qr := &r.Questions[i]
		row := i + 2
		qu := qr.Question
		// An empty answer may still carry a comment, who and evidence.
		written := qr.Answer
		if written == nil {
			written, _ = r.Answers.Answers.Get(qu.ID)
		}
		var comment, by, evidence string
		if written != nil {
			comment, by, evidence = written.Comment, written.By, strings.Join(written.Evidence, "; ")
		}
		answer := cell{answerLabel(p, q, qr), st.Text}
		switch qr.Status {
		case assessment.Unanswered:
			answer = cell{p.T("report-not-answered"), st.Missing}
		case assessment.Unknown:
			// Not knowing is a finding: marked like a missing answer,
			// and the label says which.
			answer.style = st.Missing
		}
		value, target, gap := cell{"–", st.TextCenter}, cell{targetLabel(p, q, qr), st.Text}, cell{"–", st.TextCenter}
		switch {
		case !qr.Scored:
			target = cell{p.T("report-not-scored"), st.TextMuted}
		case qr.Status == assessment.Answered:
			value, gap = cell{qr.N, st.TwoDecimals}, cell{qr.Gap, st.TwoDecimals}
		}
		cells := []cell{
			{qr.Area.Name.Localize(p), st.Text}, {qu.Text.Localize(p), st.Text}, {stepLabel(qu), st.TextCenter}, {tierLabel(qu), st.TextCenter},
			answer, {comment, st.Text}, {by, st.Text}, {evidence, st.Text}, value, target, gap, {qu.ID, st.TextMuted},
		}
		for c, x := range cells {
			b.Set(sh, c+1, row, x.v, x.style)
			vals[c] = x.v
		}
		b.FitCells(sh, row, cols, vals)
	}
	b.AutoFilter(sh, fmt.Sprintf("A1:%s", sheet.Cell(len(cols), len(r.Questions)+1)))
}

// method explains the scale, the levels and how everything is computed,
// in plain words, so that a reader can follow a score by hand.
func (rw *reportWriter) method() {
	b, q, p, st := rw.b, rw.q, rw.p, &rw.b.Styles
	sh := rw.sheets.method
	cols := []sheet.Column{{Width: 16}, {Width: 34}, {Width: 90}}
	b.AddSheet(sheet.Setup{Name: sh, Cols: cols, NoGrid: true})
	width := 140.0
	row := 1
	b.Merged(sh, row, 1, 3, p.T("report-method-title"), st.Title, width, 18)
	row++
	intro := sentences(p.T("report-method-intro", "Title", q.Title, "Version", q.Version, "Ref", q.Ref().String(),
		"Questions", q.QuestionCount(), "Areas", len(q.Areas)), sentence(q.Description.Localize(p)))
	b.Merged(sh, row, 1, 3, intro, st.Subtitle, width, 11)
	row += 2
	// Each table, and the explanation of the scores, stays on one page.
	flow := b.NewFlow(sh, cols, false, 0)
	flow.Block(1, row-1, 0)

	table := func(title string, head [3]string, rows [][3]any, numStyle int) {
		start := row
		defer func() { flow.Block(start, row-1, 0) }()
		b.Merged(sh, row, 1, 3, title, st.Heading, width, 13)
		b.Check(b.File.SetRowHeight(sh, row, 24))
		row++
		for c, h := range head {
			b.Set(sh, c+1, row, h, st.Header)
		}
		row++
		for _, rr := range rows {
			b.Set(sh, 1, row, rr[0], numStyle)
			b.Set(sh, 2, row, rr[1], st.TextBold)
			b.Set(sh, 3, row, rr[2], st.Text)
			b.FitCells(sh, row, cols, rr[:])
			row++
		}
		row++
	}
	var rows [][3]any
	for _, pt := range q.Scale {
		rows = append(rows, [3]any{*pt.Value, pt.Label.Localize(p), pt.Description.Localize(p)})
	}
	meaning, name, number := p.T("report-col-meaning"), p.T("report-col-name"), p.T("report-col-number")
	table(p.T("report-method-scale"), [3]string{p.T("report-col-value-short"), p.T("report-col-answer"), meaning}, rows, st.Number)
	rows = nil
	for _, l := range q.Levels {
		rows = append(rows, [3]any{*l.Min, l.Name.Localize(p), l.Description.Localize(p)})
	}
	table(p.T("report-method-levels"), [3]string{p.T("report-col-from-score"), p.T("col-level"), meaning}, rows, st.Number)
	if len(q.Steps) > 0 {
		rows = nil
		for _, s := range q.Steps {
			rows = append(rows, [3]any{s.ID, s.Name.Localize(p), s.Description.Localize(p)})
		}
		table(p.T("report-method-steps"), [3]string{p.T("report-col-step-short"), name, p.T("report-col-step-about")}, rows, st.Integer)
	}
	if len(q.Tiers) > 0 {
		rows = nil
		for _, t := range q.Tiers {
			rows = append(rows, [3]any{t.ID, t.Name.Localize(p), t.Description.Localize(p)})
		}
		table(p.T("report-method-tiers"), [3]string{p.T("col-level"), name, p.T("report-col-tier-about")}, rows, st.TextCenter)
	}
	if len(q.Plans) > 0 {
		rows = nil
		for i, n := range planOrder(q) {
			rows = append(rows, [3]any{i + 1, n.Name.Localize(p), n.Description.Localize(p)})
		}
		table(p.T("report-method-plans"), [3]string{number, p.T("report-col-plan-document"), p.T("report-col-plan-about")}, rows, st.Integer)
	}
	if len(q.Strategies) > 0 {
		rows = nil
		for i, s := range q.Strategies {
			rows = append(rows, [3]any{i + 1, s.Name.Localize(p), s.Description.Localize(p)})
		}
		table(p.T("report-method-strategies"), [3]string{number, p.T("report-col-strategy-short"), meaning}, rows, st.Integer)
	}

	start := row
	b.Merged(sh, row, 1, 3, p.T("report-method-scores"), st.Heading, width, 13)
	b.Check(b.File.SetRowHeight(sh, row, 24))
	row++
	for _, para := range rw.methodText() {
		b.Merged(sh, row, 1, 3, para, st.Paragraph, width, 11)
		row++
	}
	row++
	source := ""
	if rw.opt.File != "" {
		source = p.T("report-method-source", "File", rw.opt.File)
	}
	b.Merged(sh, row, 1, 3, p.T("report-method-made", "Date", rw.date(rw.opt.Now), "Version", rw.opt.ToolVersion, "Source", source), st.Note, width, 10)
	flow.Block(start, row, 0)
}

// methodText states the rules by which assessment.Evaluate scores, in
// plain words and with the questionnaire's own scale and target; a change
// to those rules must change this text too.
func (rw *reportWriter) methodText() []string {
	q, p := rw.q, rw.p
	lo, hi := q.ScaleRange()
	first, lastP := q.Scale[0], q.Scale[len(q.Scale)-1]
	example := ""
	if len(q.Scale) > 2 {
		mid := q.Scale[len(q.Scale)/2]
		example = p.T("report-method-example", "Label", mid.Label, "Value", numNO(*mid.Value), "Score", numNO(roundTo((*mid.Value-lo)/(hi-lo), 2)))
	}
	target := ""
	if pt := scalePoint(q, *q.DefaultTarget); pt != nil {
		target = pt.Label.Localize(p)
	}
	return []string{
		p.T("report-method-1", "First", first.Label, "Lo", numNO(lo), "Last", lastP.Label, "Hi", numNO(hi), "Example", example),
		p.T("report-method-2"),
		p.T("report-method-3"),
		p.T("report-method-4"),
		p.T("report-method-5"),
		p.T("report-method-6", "Target", target, "Org", q.WordsIn(p).Org),
		p.T("report-method-7"),
		p.T("report-method-8"),
	}
}

// scalePoint is the point of the scale with value v; nil when there is
// none.
func scalePoint(q *assessment.Questionnaire, v float64) *assessment.ScalePoint {
	for i := range q.Scale {
		if *q.Scale[i].Value == v {
			return &q.Scale[i]
		}
	}
	return nil
}

func (rw *reportWriter) glossary() {
	p := rw.p
	cols := []sheet.Column{{Title: p.T("report-col-term"), Width: 34}, {Title: p.T("report-col-definition"), Width: 100}}
	rows := make([][2]string, len(rw.q.Glossary))
	for i, t := range rw.q.Glossary {
		rows[i] = [2]string{t.Term.Localize(p), t.Definition.Localize(p)}
	}
	rw.twoColumns(rw.sheets.glossary, cols, rows, rw.b.Styles.TextBold, rw.b.Styles.Text)
}

func (rw *reportWriter) examples() {
	b, q, p, st := rw.b, rw.q, rw.p, &rw.b.Styles
	if len(q.Examples) == 0 {
		return
	}
	sh := rw.sheets.examples
	cols := []sheet.Column{{Title: p.T("report-col-example"), Width: 34}, {Title: p.T("report-col-description"), Width: 80}, {Title: p.T("report-col-areas"), Width: 28}}
	for _, e := range q.Examples {
		if e.URL != "" {
			cols = append(cols, sheet.Column{Title: p.T("report-col-link"), Width: 30})
			break
		}
	}
	b.AddSheet(sheet.Setup{Name: sh, Cols: cols, HeaderRows: 1})
	b.HeaderRow(sh, 1, cols, st.Header)
	for i, e := range q.Examples {
		row := i + 2
		var areas []string
		for _, id := range e.Areas {
			if a, ok := q.Area(id); ok {
				areas = append(areas, a.Name.Localize(p))
			}
		}
		name, description := e.Name.Localize(p), e.Description.Localize(p)
		b.Set(sh, 1, row, name, st.TextBold)
		b.Set(sh, 2, row, description, st.Text)
		b.Set(sh, 3, row, strings.Join(areas, "; "), st.Text)
		if len(cols) > 3 {
			b.Set(sh, 4, row, e.URL, st.Text)
		}
		if len(cols) > 3 && (strings.HasPrefix(e.URL, "https://") || strings.HasPrefix(e.URL, "http://")) {
			b.Check(b.File.SetCellHyperLink(sh, sheet.Cell(4, row), e.URL, "External"))
		}
		b.FitCells(sh, row, cols, []any{name, description, strings.Join(areas, "; "), e.URL})
	}
}

func (rw *reportWriter) facts() {
	p := rw.p
	cols := []sheet.Column{{Title: p.T("report-col-fact"), Width: 90}, {Title: p.T("report-col-source"), Width: 50}}
	rows := make([][2]string, len(rw.q.Facts))
	for i, f := range rw.q.Facts {
		rows[i] = [2]string{f.Text.Localize(p), f.Source}
	}
	rw.twoColumns(rw.sheets.facts, cols, rows, rw.b.Styles.Text, rw.b.Styles.TextMuted)
}

// twoColumns writes a sheet of two-column rows under a header; none when
// there are no rows.
func (rw *reportWriter) twoColumns(sh string, cols []sheet.Column, rows [][2]string, first, second int) {
	if len(rows) == 0 {
		return
	}
	b := rw.b
	b.AddSheet(sheet.Setup{Name: sh, Cols: cols, HeaderRows: 1})
	b.HeaderRow(sh, 1, cols, b.Styles.Header)
	for i, r := range rows {
		b.Set(sh, 1, i+2, r[0], first)
		b.Set(sh, 2, i+2, r[1], second)
		b.FitCells(sh, i+2, cols, []any{r[0], r[1]})
	}
}
