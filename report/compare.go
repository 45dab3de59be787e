package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/scores"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the comparison workbook, in order.
const (
	SheetOverview = "Oversikt"
	SheetAreas    = "Områder"
	SheetStats    = "Statistikk"
	SheetErrors   = "Feil"
)

// Excel has 16,384 columns; the area sheet has one per municipality after
// the area names.
const maxAreaColumns = 16383

// okabeIto is the colour-blind safe palette of Okabe and Ito (2008), for
// charts with one series per municipality.
var okabeIto = []string{"0072B2", "E69F00", "56B4E9", "009E73", "D55E00", "CC79A7", "F0E442", "000000"}

// chartSeriesLimit is how many municipalities the area chart shows one by
// one: as many as the palette has colours, so that no two share one.
// Beyond it a chart of single municipalities is unreadable, and it shows
// the median and quartiles instead.
const chartSeriesLimit = 8

// CompareOptions tune the comparison workbook.
type CompareOptions struct {
	ToolVersion string
	// Now is when the workbook is made (SOURCE_DATE_EPOCH in the command).
	Now time.Time
}

// Comparison collects the scores of many municipalities and writes the
// comparison workbook: a ranked overview, the areas side by side with a
// chart, statistics per area and the files that could not be read. It
// keeps only the numbers it shows, not the results, so that memory grows
// by one small row per file.
type Comparison struct {
	q    *assessment.Questionnaire
	opt  CompareOptions
	rows []compareRow
	errs []assessment.Diagnostic
}

// compareRow is what the workbook needs of one result.
type compareRow struct {
	file, number, name, level string
	total, coverage           assessment.Score
	areas                     []assessment.Score // aligned with Comparison.q.Areas
}

// NewComparison starts a comparison against questionnaire q, whose areas
// become the columns. q may be nil: the first result's questionnaire is
// then used.
func NewComparison(q *assessment.Questionnaire, opt CompareOptions) *Comparison {
	if opt.ToolVersion == "" {
		opt.ToolVersion = "dev"
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	return &Comparison{q: q, opt: opt}
}

// Len is the number of municipalities added.
func (c *Comparison) Len() int { return len(c.rows) }

// Add records one result. Areas are matched by id, so results scored
// against another version of the questionnaire still line up; a result
// from another questionnaire is noted on the error sheet as a warning.
func (c *Comparison) Add(file string, r *assessment.Result) {
	if c.q == nil {
		c.q = r.Questionnaire
	}
	if r.Questionnaire.ID != c.q.ID {
		c.errs = append(c.errs, assessment.Diagnostic{File: file, Severity: assessment.SevWarning,
			Message: fmt.Sprintf("besvart med spørreskjemaet «%s», men sammenlignet etter «%s»; bare områder med samme id er med", r.Questionnaire.ID, c.q.ID)})
	}
	row := compareRow{
		file: file, number: r.Answers.Municipality.Number, name: r.Answers.Municipality.Name,
		total: r.Total, coverage: r.Coverage, level: scores.LevelName(r.Level),
		areas: make([]assessment.Score, len(c.q.Areas)),
	}
	for i, a := range c.q.Areas {
		for _, ar := range r.Areas {
			if ar.Area.ID == a.ID {
				row.areas[i] = ar.Score
				break
			}
		}
	}
	c.rows = append(c.rows, row)
}

// AddError records a file that could not be read (or a warning about one)
// for the Feil sheet.
func (c *Comparison) AddError(d assessment.Diagnostic) {
	c.errs = append(c.errs, d)
}

// WriteTo writes the workbook: Oversikt, Områder, Statistikk and Feil.
// The large sheets are streamed.
func (c *Comparison) WriteTo(w io.Writer) (int64, error) {
	// Highest total first; municipalities without a score last; ties by
	// kommunenummer and file so that the order never depends on input
	// order or timing.
	slices.SortStableFunc(c.rows, func(a, b compareRow) int {
		if a.total.Defined != b.total.Defined {
			if a.total.Defined {
				return -1
			}
			return 1
		}
		if d := cmp.Compare(b.total.Value, a.total.Value); d != 0 {
			return d
		}
		if d := cmp.Compare(a.number, b.number); d != 0 {
			return d
		}
		return cmp.Compare(a.file, b.file)
	})
	title := fmt.Sprintf("Sammenligning av %s", municipalities(len(c.rows)))
	ref := ""
	if c.q != nil {
		ref = fmt.Sprintf("%s · %s@%s", c.q.Title, c.q.ID, c.q.Version)
	}
	b := sheet.New(title, ref)
	defer b.File.Close()
	for _, name := range []string{SheetOverview, SheetAreas, SheetStats, SheetErrors} {
		b.NewSheet(name)
	}
	c.overview(b)
	c.areaSheet(b)
	c.stats(b)
	c.errors(b)
	subject := title
	if c.q != nil {
		subject += fmt.Sprintf(", spørreskjema %s@%s", c.q.ID, c.q.Version)
	}
	b.DocProps("Sirkulær økonomi – sammenligning av kommuner", subject,
		fmt.Sprintf("Laget med sirkel %s.", c.opt.ToolVersion), c.opt.ToolVersion, c.opt.Now)
	if err := b.Err(); err != nil {
		return 0, fmt.Errorf("kunne ikke lage arbeidsboken: %w", err)
	}
	return b.File.WriteTo(w)
}

// municipalities counts municipalities in words: «én kommune», «12 kommuner».
func municipalities(n int) string {
	if n == 1 {
		return "én kommune"
	}
	return fmt.Sprintf("%d kommuner", n)
}

func (c *Comparison) areas() []assessment.Area {
	if c.q == nil {
		return nil
	}
	return c.q.Areas
}

// verticalHeader is the height of a header row whose area names stand on
// end, wrapped in up to two lines.
func verticalHeader(areas []assessment.Area) float64 {
	longest := 0
	for _, a := range areas {
		longest = max(longest, len([]rune(a.Name.String())))
	}
	return min(160, max(60, float64(longest)*6.5/2+24))
}

func scoreOrDash(s assessment.Score, style int) excelize.Cell {
	if !s.Defined {
		return excelize.Cell{StyleID: style, Value: "–"}
	}
	return excelize.Cell{StyleID: style, Value: s.Value}
}

func (c *Comparison) overview(b *sheet.Book) {
	st := &b.Styles
	areas := c.areas()
	cols := []sheet.Column{{Title: "Plass", Width: 7}, {Title: "Kommunenr.", Width: 12}, {Title: "Kommune", Width: 22}, {Title: "Samlet skår", Width: 10}, {Title: "Nivå", Width: 14}, {Title: "Dekning", Width: 9}}
	for _, a := range areas {
		cols = append(cols, sheet.Column{Title: a.Name.String(), Width: 9})
	}
	cols = append(cols, sheet.Column{Title: "Fil", Width: 30})
	s := sheet.Setup{Name: SheetOverview, Cols: cols, HeaderRows: 1, FreezeCols: 3}
	b.PrintSetup(s)
	last := max(len(c.rows)+1, 2)
	// The file column is for the screen; the printout ends with the areas.
	b.Check(b.File.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: SheetOverview,
		RefersTo: fmt.Sprintf("%s!$A:$%s", sheet.QuoteSheet(SheetOverview), sheet.ColName(len(cols)-1))}))
	b.Check(b.File.SetConditionalFormat(SheetOverview, fmt.Sprintf("D2:D%d", last), colorScale()))
	if len(areas) > 0 {
		b.Check(b.File.SetConditionalFormat(SheetOverview, fmt.Sprintf("G2:%s", sheet.Cell(6+len(areas), last)), colorScale()))
	}
	b.AutoFilter(SheetOverview, fmt.Sprintf("A1:%s", sheet.Cell(len(cols), last)))

	sw := b.Stream(s)
	// Area names stand on end, so that the table fits a printed page.
	vertical := b.Style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 10, Bold: true, Color: "FFFFFF"},
		Fill: sheet.Solid(sheet.ColorHeader), Alignment: &excelize.Alignment{TextRotation: 90, WrapText: true, Vertical: "bottom", Horizontal: "center"}})
	head := make([]any, len(cols))
	for i, col := range cols {
		style := st.HeaderCenter
		if i >= 6 && i < 6+len(areas) {
			style = vertical
		}
		head[i] = excelize.Cell{StyleID: style, Value: col.Title}
	}
	b.StreamRow(sw, 1, head, excelize.RowOpts{Height: verticalHeader(areas)})
	cells := make([]any, len(cols))
	for i, r := range c.rows {
		cells[0] = excelize.Cell{StyleID: st.Integer, Value: i + 1}
		cells[1] = excelize.Cell{StyleID: st.TextCenter, Value: r.number}
		cells[2] = excelize.Cell{StyleID: st.Text, Value: r.name}
		cells[3] = scoreOrDash(r.total, st.OneDecimalBold)
		cells[4] = excelize.Cell{StyleID: st.TextCenter, Value: r.level}
		cells[5] = scoreOrDash(r.coverage, st.Percent)
		for j, s := range r.areas {
			cells[6+j] = scoreOrDash(s, st.OneDecimal)
		}
		cells[len(cols)-1] = excelize.Cell{StyleID: st.TextMuted, Value: r.file}
		b.StreamRow(sw, i+2, cells, sheet.FitRowOpts(cols, map[int]string{2: r.name, len(cols) - 1: r.file}))
	}
	if len(c.rows) == 0 {
		b.StreamRow(sw, 2, []any{excelize.Cell{StyleID: st.TextMuted, Value: "Ingen svarfiler kunne leses; se arket «Feil»."}})
	}
	if sw != nil {
		b.Check(sw.Flush())
	}
}

// areaSheet is the area × municipality matrix with a bar chart: each
// municipality one by one when there are few, else the median and
// quartiles from the statistics sheet.
func (c *Comparison) areaSheet(b *sheet.Book) {
	st := &b.Styles
	areas := c.areas()
	n := min(len(c.rows), maxAreaColumns)
	cols := []sheet.Column{{Title: "Område", Width: 30}}
	for _, r := range c.rows[:n] {
		cols = append(cols, sheet.Column{Title: fmt.Sprintf("%s (%s)", r.name, r.number), Width: 9})
	}
	// Fitted to the page width, many municipalities would print too small
	// to read: such a sheet prints across pages at full size instead, with
	// the area names repeated on every page.
	wide := sheet.FitScale(cols, false) < sheet.MinPrintScale
	page := sheet.PageHeight(cols, false)
	if wide {
		page = sheet.PageHeight(nil, false)
	}
	longest := 0
	for _, col := range cols {
		longest = max(longest, len([]rune(col.Title)))
	}
	headHeight := min(200, max(60, float64(longest)*6.5+10))
	lastRow := len(areas) + 2 // header, total, areas
	table := headHeight + float64(lastRow-1)*sheet.DefaultRowHeight
	s := sheet.Setup{Name: SheetAreas, Cols: cols, HeaderRows: 1, FreezeCols: 1, Wide: wide,
		// A table that fits the page's height needs no header on the
		// next page, which is the chart's.
		NoRepeat: table <= page}
	if wide {
		s.TitleCols = 1
	}
	b.PrintSetup(s)
	if n > 0 {
		b.Check(b.File.SetConditionalFormat(SheetAreas, fmt.Sprintf("B2:%s", sheet.Cell(n+1, lastRow)), colorScale()))
	}
	if len(areas) > 0 && n > 0 {
		chart := c.areaChart(b, n, lastRow)
		// The chart starts a page of its own when it does not fit under
		// the table: a chart is never split.
		if table+3*sheet.DefaultRowHeight+chart > page {
			b.Check(b.File.InsertPageBreak(SheetAreas, sheet.Cell(1, lastRow+4)))
		}
	}

	sw := b.Stream(s)
	// Municipality names stand on end, as in the overview.
	vertical := b.Style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 10, Bold: true, Color: "FFFFFF"},
		Fill: sheet.Solid(sheet.ColorHeader), Alignment: &excelize.Alignment{TextRotation: 90, WrapText: true, Vertical: "bottom", Horizontal: "center"}})
	head := make([]any, len(cols))
	for i, col := range cols {
		head[i] = excelize.Cell{StyleID: vertical, Value: col.Title}
	}
	head[0] = excelize.Cell{StyleID: st.Header, Value: "Område"}
	b.StreamRow(sw, 1, head, excelize.RowOpts{Height: headHeight})
	cells := make([]any, n+1)
	cells[0] = excelize.Cell{StyleID: st.TextBold, Value: "Samlet skår"}
	for j, r := range c.rows[:n] {
		cells[j+1] = scoreOrDash(r.total, st.OneDecimalBold)
	}
	b.StreamRow(sw, 2, cells)
	for i, a := range areas {
		cells[0] = excelize.Cell{StyleID: st.Text, Value: a.Name.String()}
		for j, r := range c.rows[:n] {
			cells[j+1] = scoreOrDash(r.areas[i], st.OneDecimal)
		}
		b.StreamRow(sw, i+3, cells)
	}
	if len(c.rows) > n {
		b.StreamRow(sw, lastRow+2, []any{excelize.Cell{StyleID: st.Note,
			Value: fmt.Sprintf("Arket viser de %d første av %d kommuner (Excel har plass til %d kolonner). Alle står i arket «Oversikt».", n, len(c.rows), maxAreaColumns+1)}})
	}
	if sw != nil {
		b.Check(sw.Flush())
	}
}

// areaChart draws the area chart below the table and returns its height
// in points.
func (c *Comparison) areaChart(b *sheet.Book, n, lastRow int) float64 {
	areas := c.areas()
	cats := fmt.Sprintf("%s!$A$3:$A$%d", sheet.QuoteSheet(SheetAreas), lastRow)
	var series []excelize.ChartSeries
	title := "Skår per tiltaksområde"
	alt := fmt.Sprintf("Stolpediagram over skåren i %d tiltaksområder", len(areas))
	if n <= chartSeriesLimit {
		for j := range n {
			col := sheet.ColName(j + 2)
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$%s$1", sheet.QuoteSheet(SheetAreas), col),
				Categories: cats,
				Values:     fmt.Sprintf("%s!$%s$3:$%s$%d", sheet.QuoteSheet(SheetAreas), col, col, lastRow),
				Fill:       sheet.Solid(okabeIto[j%len(okabeIto)]),
			})
		}
		alt += fmt.Sprintf(" for %s; tallene står i tabellen over.", municipalities(n))
	} else {
		title = fmt.Sprintf("Median og kvartiler per tiltaksområde (%d kommuner)", len(c.rows))
		statCats := fmt.Sprintf("%s!$A$3:$A$%d", sheet.QuoteSheet(SheetStats), len(areas)+2)
		// Blues from light to dark, each with at least 3:1 contrast to the
		// white background; the values are printed at the bars.
		for _, col := range []struct{ letter, color string }{{"D", "4393C3"}, {"E", "053061"}, {"F", "2166AC"}} {
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$%s$1", sheet.QuoteSheet(SheetStats), col.letter),
				Categories: statCats,
				Values:     fmt.Sprintf("%s!$%s$3:$%s$%d", sheet.QuoteSheet(SheetStats), col.letter, col.letter, len(areas)+2),
				Fill:       sheet.Solid(col.color),
			})
		}
		alt = fmt.Sprintf("Stolpediagram over nedre kvartil, median og øvre kvartil av skåren i hvert av %d tiltaksområder for %d kommuner; tallene står i arket «Statistikk».", len(areas), len(c.rows))
	}
	lo, hi := 0.0, 100.0
	height := uint(max(380, 60+len(areas)*min(n, 4)*14))
	plot := excelize.ChartPlotArea{}
	if n > chartSeriesLimit {
		plot = excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}}
	}
	b.Check(b.File.AddChart(SheetAreas, sheet.Cell(1, lastRow+4), &excelize.Chart{
		Type:   excelize.Bar,
		Series: series,
		Format: excelize.GraphicOptions{AltText: alt, Name: title, OffsetX: 4, OffsetY: 4},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title,
			Font: &excelize.Font{Bold: true, Size: 12, Color: sheet.ColorNavy}}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Dimension:  excelize.ChartDimension{Width: 820, Height: height},
		VaryColors: new(false),
		PlotArea:   plot,
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Size: 10, Color: sheet.ColorInk}},
		YAxis:      excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorUnit: 20, MajorGridLines: true, Font: excelize.Font{Size: 9, Color: sheet.ColorMuted}},
	}))
	return float64(height) * 0.75
}

// stats writes n, min, quartiles, median, max and mean of the total and of
// each area, over the municipalities that have a score there.
func (c *Comparison) stats(b *sheet.Book) {
	st := &b.Styles
	const sh = SheetStats
	cols := []sheet.Column{{Title: "Område", Width: 32}, {Title: "Antall", Width: 9}, {Title: "Lavest", Width: 9}, {Title: "Nedre kvartil", Width: 10}, {Title: "Median", Width: 9}, {Title: "Øvre kvartil", Width: 10}, {Title: "Høyest", Width: 9}, {Title: "Snitt", Width: 9}}
	b.SetUp(sheet.Setup{Name: sh, Cols: cols, HeaderRows: 1})
	b.HeaderRow(sh, 1, cols, st.HeaderCenter)
	b.Set(sh, 1, 1, "Område", st.Header)
	b.Check(b.File.SetRowHeight(sh, 1, 32))

	values := make([]float64, 0, len(c.rows))
	line := func(row int, name string, style int, get func(compareRow) assessment.Score) {
		values = values[:0]
		for _, r := range c.rows {
			if s := get(r); s.Defined {
				values = append(values, s.Value)
			}
		}
		b.Set(sh, 1, row, name, style)
		b.Set(sh, 2, row, len(values), st.Integer)
		if len(values) == 0 {
			for col := 3; col <= 8; col++ {
				b.Set(sh, col, row, "–", st.TextCenter)
			}
			return
		}
		slices.Sort(values)
		sum := 0.0
		for _, v := range values {
			sum += v
		}
		for col, v := range []float64{values[0], quantile(values, 0.25), quantile(values, 0.5),
			quantile(values, 0.75), values[len(values)-1], sum / float64(len(values))} {
			b.Set(sh, col+3, row, v, st.OneDecimal)
		}
	}
	line(2, "Samlet skår", st.TextBold, func(r compareRow) assessment.Score { return r.total })
	for i, a := range c.areas() {
		line(i+3, a.Name.String(), st.Text, func(r compareRow) assessment.Score { return r.areas[i] })
	}
	last := len(c.areas()) + 2
	b.Merged(sh, last+2, 1, len(cols), "Antall er kommunene som har skår i området. Kvartilene og medianen er regnet med lineær interpolasjon, som KVARTIL.INK i Excel. Skår fra 0 til 100.", st.Note, 88, 10)
}

// quantile is the p-quantile of sorted values with linear interpolation
// between closest ranks (Excel's QUARTILE.INC, R type 7).
func quantile(sorted []float64, p float64) float64 {
	h := float64(len(sorted)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(sorted) {
		return sorted[i]
	}
	return sorted[i] + (h-lo)*(sorted[i+1]-sorted[i])
}

// errors lists the files that could not be read, with why.
func (c *Comparison) errors(b *sheet.Book) {
	st := &b.Styles
	cols := []sheet.Column{{Title: "Fil", Width: 34}, {Title: "Linje", Width: 7}, {Title: "Kolonne", Width: 8}, {Title: "Type", Width: 10}, {Title: "Melding", Width: 90}}
	s := sheet.Setup{Name: SheetErrors, Cols: cols, HeaderRows: 1}
	b.PrintSetup(s)
	if len(c.errs) > 0 {
		b.AutoFilter(SheetErrors, fmt.Sprintf("A1:%s", sheet.Cell(len(cols), len(c.errs)+1)))
	}
	sw := b.Stream(s)
	head := make([]any, len(cols))
	for i, col := range cols {
		head[i] = excelize.Cell{StyleID: st.HeaderCenter, Value: col.Title}
	}
	head[0] = excelize.Cell{StyleID: st.Header, Value: cols[0].Title}
	head[4] = excelize.Cell{StyleID: st.Header, Value: cols[4].Title}
	b.StreamRow(sw, 1, head)
	if len(c.errs) == 0 {
		b.StreamRow(sw, 2, []any{excelize.Cell{StyleID: st.TextMuted, Value: "Ingen feil: alle filene kunne leses."}})
	}
	for i, d := range c.errs {
		kind := "Feil"
		if d.Severity == assessment.SevWarning {
			kind = "Advarsel"
		}
		msg := d.Message
		if d.Path != "" {
			msg = d.Path + ": " + msg
		}
		pos := func(n int) any {
			if n == 0 {
				return excelize.Cell{StyleID: st.TextCenter, Value: ""}
			}
			return excelize.Cell{StyleID: st.Integer, Value: n}
		}
		b.StreamRow(sw, i+2, []any{
			excelize.Cell{StyleID: st.Text, Value: d.File}, pos(d.Line), pos(d.Column),
			excelize.Cell{StyleID: st.TextCenter, Value: kind}, excelize.Cell{StyleID: st.Text, Value: msg},
		}, sheet.FitRowOpts(cols, map[int]string{0: d.File, 4: msg}))
	}
	if sw != nil {
		b.Check(sw.Flush())
	}
}
