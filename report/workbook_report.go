package report

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/scores"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the municipality report, in order.
const (
	SheetSummary  = "Sammendrag"
	SheetActions  = "Tiltak"
	SheetPlans    = "Planverk"
	SheetAnswers  = "Svar"
	SheetMethod   = "Metode"
	SheetGlossary = "Begreper"
	SheetExamples = "Eksempler"
	SheetFacts    = "Nøkkeltall"
)

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
}

// WriteReport writes the workbook of one result for the municipality's
// leaders: Sammendrag, Tiltak, Planverk, Årshjul, Svar, Metode and, when
// the questionnaire has them, Begreper, Eksempler and Nøkkeltall.
func WriteReport(w io.Writer, r *assessment.Result, opt ReportOptions) error {
	if opt.ToolVersion == "" {
		opt.ToolVersion = "dev"
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	rw := &reportWriter{r: r, q: r.Questionnaire, opt: opt}
	m := r.Answers.Municipality
	rw.b = sheet.New(fmt.Sprintf("%s (%s)", m.Name, m.Number),
		fmt.Sprintf("%s · %s@%s", r.Questionnaire.Title, r.Questionnaire.ID, r.Questionnaire.Version))
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
		fmt.Sprintf("Sirkulær økonomi – egenvurdering for %s", m.Name),
		fmt.Sprintf("%s (%s): egenvurdering av sirkulær økonomi %s", m.Name, m.Number, r.Answers.Date),
		fmt.Sprintf("Spørreskjema %s@%s. Laget med sirkel %s.", r.Questionnaire.ID, r.Questionnaire.Version, opt.ToolVersion),
		opt.ToolVersion, opt.Now)
	b.File.SetActiveSheet(0)
	if err := b.Err(); err != nil {
		return fmt.Errorf("kunne ikke lage arbeidsboken: %w", err)
	}
	_, err := b.File.WriteTo(w)
	return err
}

type reportWriter struct {
	r   *assessment.Result
	q   *assessment.Questionnaire
	opt ReportOptions
	b   *sheet.Book
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
	l := summaryLayout{}
	l.cols = []sheet.Column{{Title: "Område", Width: 32}, {Title: "Skår", Width: 9}, {Title: "Nivå", Width: 14}, {Title: "Dekning", Width: 9}}
	l.score, l.level, l.cov = 2, 3, 4
	if rw.opt.Baseline != nil {
		l.cols = append(l.cols, sheet.Column{Title: "Forrige", Width: 9}, sheet.Column{Title: "Endring", Width: 9})
		l.prev, l.change = 5, 6
	}
	l.firstStep, l.nSteps = len(l.cols)+1, len(rw.q.Steps)
	for _, s := range rw.q.Steps {
		l.cols = append(l.cols, sheet.Column{Title: fmt.Sprintf("Trinn %d", s.ID), Width: 8.5})
	}
	l.firstTier, l.nTiers = len(l.cols)+1, len(rw.q.Tiers)
	for _, t := range rw.q.Tiers {
		l.cols = append(l.cols, sheet.Column{Title: "Nivå " + t.ID, Width: 8.5})
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
	b, r, q, st := rw.b, rw.r, rw.q, &rw.b.Styles
	l := rw.layout()
	const sh = SheetSummary
	b.AddSheet(sheet.Setup{Name: sh, Cols: l.cols, NoGrid: true})
	m := r.Answers.Municipality

	row := 1
	b.Merged(sh, row, 1, l.last, q.Title.String(), st.Title, l.width, 18)
	row++
	who := fmt.Sprintf("%s (%s)", m.Name, m.Number)
	if r.Answers.Date.IsSet() {
		who += " · vurdert " + norDate(r.Answers.Date.Time)
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
		b.Merged(sh, row, 1, l.last, "Besvart av: "+joinNO(names), st.Subtitle, l.width, 11)
		row++
	}
	b.Merged(sh, row, 1, l.last, fmt.Sprintf("Spørreskjema %s@%s · rapporten er laget %s med sirkel %s",
		q.ID, q.Version, norDate(rw.opt.Now), rw.opt.ToolVersion), st.Note, l.width, 10)
	row++
	b.Check(b.File.SetRowHeight(sh, row, 8))
	row++

	row = rw.keyFigures(l, row)

	b.Check(b.File.SetRowHeight(sh, row, 8))
	row++
	rw.heading(l, row, "Hovedfunn")
	row++
	// A little air between the heading's rule and the first finding.
	b.Check(b.File.SetRowHeight(sh, row, 4))
	row++
	for _, f := range KeyFindings(r, rw.opt.Baseline) {
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
	b, r, st := rw.b, rw.r, &rw.b.Styles
	const sh = SheetSummary
	rw.heading(l, row, "Spørsmål besvart med «vet ikke»")
	row++
	blocks := []block{{"Område", 1, 1}, {"Spørsmål", 2, l.gapNext - 2}, {"Id i svarfilen", l.gapNext - 1, l.last}}
	rw.blockRow(sh, row, l.cols, blocks, blockTitles(blocks), st.Header, st.HeaderIndent, 20)
	row++
	for _, qu := range r.Unknown[:min(maxUnknownListed, len(r.Unknown))] {
		_, a, _ := rw.q.Question(qu.ID)
		rw.blockRow(sh, row, l.cols, blocks, []string{a.Name.String(), qu.Text.String(), qu.ID}, st.Text, st.TextIndent, 0)
		row++
	}
	if more := len(r.Unknown) - maxUnknownListed; more > 0 {
		b.Merged(sh, row, 1, l.last, fmt.Sprintf("… og %d til. Alle svarene står i arket «Svar».", more), st.Note, l.width, 10)
		row++
	}
	return row
}

// heading writes a section heading across the summary.
func (rw *reportWriter) heading(l summaryLayout, row int, text string) {
	b := rw.b
	b.Set(SheetSummary, 1, row, text, b.Styles.Heading)
	b.Check(b.File.SetCellStyle(SheetSummary, sheet.Cell(1, row), sheet.Cell(l.last, row), b.Styles.Heading))
	b.Check(b.File.SetRowHeight(SheetSummary, row, 24))
}

// keyFigures writes total score, level and coverage (and the change)
// large, each with a label above and an explanation below.
func (rw *reportWriter) keyFigures(l summaryLayout, row int) int {
	b, r, st := rw.b, rw.r, &rw.b.Styles
	const sh = SheetSummary
	type figure struct {
		label     string
		value     any
		style     int
		note      string
		from, to  int
		noteStyle int // st.Subtitle when 0
	}
	level, levelNote := "–", "ingen skår ennå"
	if r.Level != nil {
		level, levelNote = r.Level.Name(), fmt.Sprintf("nivå %d av %d", r.Level.Rank, len(rw.q.Levels))
	}
	// A total on too few answers keeps its number and level, and says
	// in words, marked, how little it rests on.
	totalNote, totalStyle := "poeng av 100", 0
	if r.Uncertain && r.Total.Defined {
		totalNote, totalStyle = fmt.Sprintf("usikker – bare %s besvart", scores.FormatShare(r.Coverage)), rw.styles.uncertain
		levelNote += " (usikkert)"
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
		{"Samlet skår", scoreValue(r.Total), st.BigOneDecimal, totalNote, 1, 1, totalStyle},
		{"Modenhetsnivå", level, st.BigText, levelNote, l.score, l.cov, 0},
		{"Dekning", shareValue(r.Coverage), st.BigPercent, fmt.Sprintf("%d av %d spørsmål besvart", answered, possible), l.cov + 1, l.cov + 3, 0},
	}
	if base := rw.opt.Baseline; base != nil && base.Total.Defined && r.Total.Defined {
		d := r.Total.Value - base.Total.Value
		figs = append(figs, figure{"Endring", d, b.Style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 26, Bold: true, Color: sheet.ColorNavy},
			CustomNumFmt: new(sheet.SignedOneDecimalFormat), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}),
			"poeng siden " + norDate(base.Answers.Date.Time), l.cov + 4, l.cov + 6, 0})
	}
	for _, f := range figs {
		b.Set(sh, f.from, row, f.label, st.BigLabel)
		b.Set(sh, f.from, row+1, f.value, f.style)
		if f.noteStyle == 0 {
			f.noteStyle = st.Subtitle
		}
		b.Set(sh, f.from, row+2, f.note, f.noteStyle)
		if f.to > f.from {
			for i := range 3 {
				b.Check(b.File.MergeCell(sh, sheet.Cell(f.from, row+i), sheet.Cell(f.to, row+i)))
			}
		}
	}
	b.Check(b.File.SetRowHeight(sh, row+1, 36))
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
	b, r, q, st := rw.b, rw.r, rw.q, &rw.b.Styles
	const sh = SheetSummary
	rw.heading(l, row, "Områdene, styringstrinnene og tiltaksnivåene")
	row++

	// Two header rows: group titles over the heat maps, then the columns.
	top := row
	last := l.firstTier + l.nTiers - 1
	for c := 1; c <= last; c++ {
		b.Set(sh, c, top, "", st.HeaderCenter)
		b.Set(sh, c, top+1, l.cols[c-1].Title, st.HeaderCenter)
	}
	b.Set(sh, 1, top+1, "Område", st.Header)
	for c := 1; c < l.firstStep; c++ {
		b.Check(b.File.MergeCell(sh, sheet.Cell(c, top), sheet.Cell(c, top+1)))
	}
	b.Set(sh, 1, top, "Område", st.Header)
	for c := 2; c < l.firstStep; c++ {
		b.Set(sh, c, top, l.cols[c-1].Title, st.HeaderCenter)
	}
	if l.nSteps > 0 {
		b.Set(sh, l.firstStep, top, "Styringstrinn", st.HeaderCenter)
		b.Check(b.File.MergeCell(sh, sheet.Cell(l.firstStep, top), sheet.Cell(l.firstStep+l.nSteps-1, top)))
	}
	if l.nTiers > 0 {
		b.Set(sh, l.firstTier, top, "Tiltaksnivå", st.HeaderCenter)
		b.Check(b.File.MergeCell(sh, sheet.Cell(l.firstTier, top), sheet.Cell(l.firstTier+l.nTiers-1, top)))
	}
	row += 2

	first := row
	for _, ar := range r.Areas {
		b.Set(sh, 1, row, ar.Area.Name.String(), st.Text)
		// A long area name wraps rather than running into the next row.
		b.FitCells(sh, row, l.cols[:1], []any{ar.Area.Name.String()})
		setScore(b, sh, l.score, row, sc(ar.Score), st.OneDecimal)
		b.Set(sh, l.level, row, scores.LevelName(ar.Level), st.TextCenter)
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
	b.Set(sh, 1, row, "Alle områder", st.TextBold)
	setScore(b, sh, l.score, row, sc(r.Total), st.OneDecimalBold)
	b.Set(sh, l.level, row, scores.LevelName(r.Level), st.TextCenter)
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
		steps = append(steps, fmt.Sprintf("%d %s", s.ID, s.Name))
	}
	for _, t := range q.Tiers {
		tiers = append(tiers, fmt.Sprintf("%s %s", t.ID, t.Name))
	}
	b.Check(b.File.SetRowHeight(sh, row, 6))
	row++
	legend := []string{}
	if len(steps) > 0 {
		legend = append(legend, "Styringstrinn: "+strings.Join(steps, " · ")+".")
	}
	if len(tiers) > 0 {
		legend = append(legend, "Tiltaksnivå: "+strings.Join(tiers, " · ")+".")
	}
	legend = append(legend, "Skår fra 0 til 100. Fargen går fra oransje (0) via hvitt (50) til blått (100) og gjentar bare tallet i cellen. «–»: ingen spørsmål i cellen er besvart.")
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
	b, r := rw.b, rw.r
	const sh = SheetSummary
	now, prev := l.last+2, l.last+3
	b.Set(SheetSummary, now, head, fmt.Sprintf("Vurdert %s", norDate(r.Answers.Date.Time)), 0)
	for i, ar := range r.Areas {
		if ar.Score.Defined {
			b.Set(sh, now, first+i, ar.Score.Value, 0)
		}
	}
	hide := now
	if base := rw.opt.Baseline; base != nil {
		b.Set(sh, prev, head, fmt.Sprintf("Forrige vurdering %s", norDate(base.Answers.Date.Time)), 0)
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
	b, r := rw.b, rw.r
	const sh = SheetSummary
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
		alt = append(alt, fmt.Sprintf("%s %s", ar.Area.Name, scores.FormatScore(ar.Score)))
	}
	altText := "Radardiagram over skåren i hvert tiltaksområde, fra 0 til 100: " + strings.Join(alt, "; ") + "."
	if base := rw.opt.Baseline; base != nil {
		series = append(series, excelize.ChartSeries{
			Name: name(l.last + 3), Categories: ref(1), Values: ref(l.last + 3),
			Line:   excelize.LineOptions{Width: 1.5, Dash: excelize.LineDashDash},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartBaseline}},
			Marker: excelize.ChartMarker{Symbol: "square", Size: 5, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartBaseline}}},
		})
		altText += " Den andre linjen viser forrige vurdering."
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
		Format: excelize.GraphicOptions{AltText: altText, Name: "Skår per tiltaksområde", OffsetX: 4, OffsetY: 4},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Skår per tiltaksområde (0–100)",
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
	b, r, q, st := rw.b, rw.r, rw.q, &rw.b.Styles
	const sh = SheetSummary
	title := fmt.Sprintf("De %s viktigste tiltakene", countWord(min(topGaps, len(r.Gaps))))
	if len(r.Gaps) == 1 {
		title = "Det viktigste tiltaket"
	}
	rw.heading(l, row, title)
	row++
	if len(r.Gaps) == 0 {
		b.Merged(sh, row, 1, l.last, rw.noGaps(), st.Paragraph, l.width, 11)
		return row + 1
	}
	// The area and where the answer stands share the first column, so
	// that the action has room to be read in a few lines.
	blocks := []block{
		{"Område · i dag → mål", 1, 1},
		{"Tiltak", 2, l.gapPlan - 1},
		{"Tas inn i", l.gapPlan, l.gapNext - 1},
		{"Neste anledning", l.gapNext, l.last},
	}
	rw.blockRow(sh, row, l.cols, blocks, blockTitles(blocks), st.Header, st.HeaderIndent, 20)
	row++
	for i, g := range r.Gaps[:min(topGaps, len(r.Gaps))] {
		texts := []string{
			fmt.Sprintf("%d. %s\n%s → %s", i+1, g.Area.Name, answerLabel(q, g.QuestionResult), targetLabel(q, g.QuestionResult)),
			g.Question.Action.String(),
			planNames(q, g.Plans),
			windowShort(g.NextWindow),
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
		return "Ingen spørsmål er besvart ennå, så det er ingen tiltak å foreslå."
	}
	return "Ingen svar ligger under målet, så det er ingen tiltak å foreslå."
}

// actions writes every gap as a row, in priority order.
func (rw *reportWriter) actions() {
	b, r, q, st := rw.b, rw.r, rw.q, &rw.b.Styles
	const sh = SheetActions
	cols := []sheet.Column{
		{Title: "Nr.", Width: 5}, {Title: "Område", Width: 16}, {Title: "Trinn", Width: 6}, {Title: "Nivå", Width: 6}, {Title: "Spørsmål", Width: 31}, {Title: "Svar", Width: 13},
		{Title: "Mål", Width: 13}, {Title: "Prioritet", Width: 8.5}, {Title: "Anbefalt tiltak", Width: 36}, {Title: "Plandokument", Width: 19}, {Title: "R-strategi", Width: 17}, {Title: "Eksempler", Width: 16},
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
			strategy = s.Name.String()
		}
		var examples []string
		for _, id := range qu.Examples {
			if e, ok := q.ExampleByID(id); ok {
				examples = append(examples, e.Name.String())
			}
		}
		vals := []any{i + 1, g.Area.Name.String(), stepLabel(qu), tierLabel(qu), qu.Text.String(),
			answerLabel(q, g.QuestionResult), targetLabel(q, g.QuestionResult), g.Priority,
			qu.Action.String(), planNames(q, g.Plans), strategy, strings.Join(examples, "; ")}
		styles := []int{st.Integer, st.Text, st.TextCenter, st.TextCenter, st.Text, st.Text,
			st.Text, st.TwoDecimals, st.Text, st.Text, st.Text, st.Text}
		for c, v := range vals {
			b.Set(sh, c+1, row, v, styles[c])
		}
		b.FitCells(sh, row, cols, vals)
	}
	b.AutoFilter(sh, fmt.Sprintf("A1:%s", sheet.Cell(len(cols), len(r.Gaps)+1)))
}

// answers lists every question with its answer, comment, value and gap.
// A row is a list of cells in the order of cols, so that a column is
// added in two places that stand side by side.
func (rw *reportWriter) answers() {
	b, r, q, st := rw.b, rw.r, rw.q, &rw.b.Styles
	const sh = SheetAnswers
	cols := []sheet.Column{
		{Title: "Område", Width: 18}, {Title: "Spørsmål", Width: 44}, {Title: "Trinn", Width: 7}, {Title: "Nivå", Width: 7}, {Title: "Svar", Width: 20}, {Title: "Kommentar", Width: 36},
		{Title: "Verdi (0–1)", Width: 11}, {Title: "Mål", Width: 16}, {Title: "Gap", Width: 8}, {Title: "Spørsmåls-id", Width: 26},
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
		comment := ""
		if qr.Answer != nil {
			comment = qr.Answer.Comment
		} else if a, ok := r.Answers.Answers.Get(qu.ID); ok {
			comment = a.Comment // an empty answer may still carry a comment
		}
		answer := cell{answerLabel(q, qr), st.Text}
		switch qr.Status {
		case assessment.Unanswered:
			answer = cell{"Ikke besvart", st.Missing}
		case assessment.Unknown:
			// Not knowing is a finding: marked like a missing answer,
			// and the label says which.
			answer.style = st.Missing
		}
		value, target, gap := cell{"–", st.TextCenter}, cell{targetLabel(q, qr), st.Text}, cell{"–", st.TextCenter}
		switch {
		case !qr.Scored:
			target = cell{"Gir ikke skår", st.TextMuted}
		case qr.Status == assessment.Answered:
			value, gap = cell{qr.N, st.TwoDecimals}, cell{qr.Gap, st.TwoDecimals}
		}
		cells := []cell{
			{qr.Area.Name.String(), st.Text}, {qu.Text.String(), st.Text}, {stepLabel(qu), st.TextCenter}, {tierLabel(qu), st.TextCenter},
			answer, {comment, st.Text}, value, target, gap, {qu.ID, st.TextMuted},
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
	b, q, st := rw.b, rw.q, &rw.b.Styles
	const sh = SheetMethod
	cols := []sheet.Column{{Width: 16}, {Width: 34}, {Width: 90}}
	b.AddSheet(sheet.Setup{Name: sh, Cols: cols, NoGrid: true})
	width := 140.0
	row := 1
	b.Merged(sh, row, 1, 3, "Slik er vurderingen laget", st.Title, width, 18)
	row++
	intro := fmt.Sprintf("Spørreskjemaet er «%s», versjon %s (%s@%s), med %d spørsmål i %d tiltaksområder.",
		q.Title, q.Version, q.ID, q.Version, q.QuestionCount(), len(q.Areas))
	if d := q.Description.String(); d != "" {
		intro += " " + sentence(d)
	}
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
	for _, p := range q.Scale {
		rows = append(rows, [3]any{*p.Value, p.Label.String(), p.Description.String()})
	}
	table("Svarskalaen", [3]string{"Verdi", "Svar", "Betydning"}, rows, st.Number)
	rows = nil
	for _, l := range q.Levels {
		rows = append(rows, [3]any{*l.Min, l.Name.String(), l.Description.String()})
	}
	table("Modenhetsnivåene", [3]string{"Fra skår", "Nivå", "Betydning"}, rows, st.Number)
	if len(q.Steps) > 0 {
		rows = nil
		for _, s := range q.Steps {
			rows = append(rows, [3]any{s.ID, s.Name.String(), s.Description.String()})
		}
		table("Styringstrinnene", [3]string{"Trinn", "Navn", "Hva trinnet handler om"}, rows, st.Integer)
	}
	if len(q.Tiers) > 0 {
		rows = nil
		for _, t := range q.Tiers {
			rows = append(rows, [3]any{t.ID, t.Name.String(), t.Description.String()})
		}
		table("Tiltaksnivåene", [3]string{"Nivå", "Navn", "Hva nivået handler om"}, rows, st.TextCenter)
	}
	if len(q.Plans) > 0 {
		rows = nil
		for i, p := range planOrder(q) {
			rows = append(rows, [3]any{i + 1, p.Name.String(), p.Description.String()})
		}
		table("Plandokumentene, i plansyklusens rekkefølge", [3]string{"Nr.", "Plandokument", "Hva som hører hjemme der"}, rows, st.Integer)
	}
	if len(q.Strategies) > 0 {
		rows = nil
		for i, s := range q.Strategies {
			rows = append(rows, [3]any{i + 1, s.Name.String(), s.Description.String()})
		}
		table("R-strategiene, i prioritert rekkefølge", [3]string{"Nr.", "Strategi", "Betydning"}, rows, st.Integer)
	}

	start := row
	b.Merged(sh, row, 1, 3, "Slik regnes skårene", st.Heading, width, 13)
	b.Check(b.File.SetRowHeight(sh, row, 24))
	row++
	for _, p := range rw.methodText() {
		b.Merged(sh, row, 1, 3, p, st.Paragraph, width, 11)
		row++
	}
	row++
	source := ""
	if rw.opt.File != "" {
		source = fmt.Sprintf(" fra svarfilen %s", rw.opt.File)
	}
	b.Merged(sh, row, 1, 3, fmt.Sprintf("Rapporten er laget %s med sirkel %s%s.", norDate(rw.opt.Now), rw.opt.ToolVersion, source), st.Note, width, 10)
	flow.Block(start, row, 0)
}

// methodText states the rules by which assessment.Evaluate scores, in
// plain words and with the questionnaire's own scale and target; a change
// to those rules must change this text too.
func (rw *reportWriter) methodText() []string {
	q := rw.q
	lo, hi := q.ScaleRange()
	first, lastP := q.Scale[0], q.Scale[len(q.Scale)-1]
	example := ""
	if len(q.Scale) > 2 {
		mid := q.Scale[len(q.Scale)/2]
		example = fmt.Sprintf(", og «%s» (%s) gir %s", mid.Label, numNO(*mid.Value), numNO(roundTo((*mid.Value-lo)/(hi-lo), 2)))
	}
	return []string{
		fmt.Sprintf("1. Hvert svar blir et tall mellom 0 og 1. På skalaen gir «%s» (%s) 0 og «%s» (%s) 1%s. Ja gir 1 og nei 0. Ved valg mellom alternativer gir hvert alternativ sin andel, og tall regnes om mellom en nedre og en øvre grense som står i spørsmålet.",
			first.Label, numNO(lo), lastP.Label, numNO(hi), example),
		"2. Skåren for et tiltaksområde er gjennomsnittet av de besvarte spørsmålene i området, vektet med spørsmålenes vekt og ganget med 100. Spørsmål som er besvart «ikke relevant» eller står ubesvart, teller ikke med. Skåren for hvert styringstrinn, hvert tiltaksnivå og hver celle i varmekartene regnes på samme måte. En skår vises som «–» når ingen spørsmål er besvart.",
		"3. Samlet skår er gjennomsnittet av områdeskårene, vektet med områdenes vekt. Slik teller hvert område like mye, uansett hvor mange spørsmål det har.",
		"4. Dekningen er andelen av de relevante spørsmålene som er besvart. Lav dekning betyr at skåren bygger på få svar og er usikker.",
		"5. Modenhetsnivået er det høyeste nivået der skåren er minst like høy som nivåets nedre grense (se tabellen over). Skårene vises med én desimal, men nivået avgjøres av den nøyaktige skåren.",
		fmt.Sprintf("6. Hvert spørsmål har et mål. Er ikke noe annet oppgitt, er målet «%s» på skalaen, og %s kan sette egne mål per tiltaksområde i svarfilen. Et gap er hvor langt svaret ligger under målet, regnet på samme skala fra 0 til 1.",
			q.ScaleLabel(*q.DefaultTarget), q.Words().Org),
		"7. Prioriteten er gapet ganget med spørsmålets vekt. Tiltakene står etter prioritet, og ved lik prioritet i den rekkefølgen spørsmålene har i skjemaet. Et tiltak står under hvert plandokument det hører hjemme i; har ikke spørsmålet egne plandokumenter, gjelder områdets.",
		"8. Neste anledning for et plandokument er det første vedtaket etter datoen for vurderingen som det fortsatt er tid til å gi innspill til. Står neste vedtak i svarfilen (plans:), gjelder det. Ellers gjelder planens syklus: hvert år i en bestemt måned, eller én gang i valgperioden, året etter lokalvalget; en delplan følger planen den er en del av. En plan som revideres når planstrategien bestemmer det, har ingen kjent neste anledning før svarfilen sier når. Et tiltak som hører hjemme i flere planer, har den tidligste av dem som neste anledning.",
	}
}

func (rw *reportWriter) glossary() {
	cols := []sheet.Column{{Title: "Begrep", Width: 34}, {Title: "Forklaring", Width: 100}}
	rows := make([][2]string, len(rw.q.Glossary))
	for i, t := range rw.q.Glossary {
		rows[i] = [2]string{t.Term.String(), t.Definition.String()}
	}
	rw.twoColumns(SheetGlossary, cols, rows, rw.b.Styles.TextBold, rw.b.Styles.Text)
}

func (rw *reportWriter) examples() {
	b, q, st := rw.b, rw.q, &rw.b.Styles
	if len(q.Examples) == 0 {
		return
	}
	const sh = SheetExamples
	cols := []sheet.Column{{Title: "Eksempel", Width: 34}, {Title: "Beskrivelse", Width: 80}, {Title: "Tiltaksområder", Width: 28}}
	for _, e := range q.Examples {
		if e.URL != "" {
			cols = append(cols, sheet.Column{Title: "Lenke", Width: 30})
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
				areas = append(areas, a.Name.String())
			}
		}
		b.Set(sh, 1, row, e.Name.String(), st.TextBold)
		b.Set(sh, 2, row, e.Description.String(), st.Text)
		b.Set(sh, 3, row, strings.Join(areas, "; "), st.Text)
		if len(cols) > 3 {
			b.Set(sh, 4, row, e.URL, st.Text)
		}
		if len(cols) > 3 && (strings.HasPrefix(e.URL, "https://") || strings.HasPrefix(e.URL, "http://")) {
			b.Check(b.File.SetCellHyperLink(sh, sheet.Cell(4, row), e.URL, "External"))
		}
		b.FitCells(sh, row, cols, []any{e.Name.String(), e.Description.String(), strings.Join(areas, "; "), e.URL})
	}
}

func (rw *reportWriter) facts() {
	cols := []sheet.Column{{Title: "Nøkkeltall", Width: 90}, {Title: "Kilde", Width: 50}}
	rows := make([][2]string, len(rw.q.Facts))
	for i, f := range rw.q.Facts {
		rows[i] = [2]string{f.Text.String(), f.Source}
	}
	rw.twoColumns(SheetFacts, cols, rows, rw.b.Styles.Text, rw.b.Styles.TextMuted)
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
