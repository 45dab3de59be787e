package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/scores"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// compareSheets are the names of the comparison's sheets in one
// language, in order.
type compareSheets struct{ overview, areas, stats, trend, errors string }

// Sheet names of the comparison workbook in bokmål, in order; a
// comparison in nynorsk names its sheets in nynorsk.
var (
	nbCompareSheets = compareSheetNames(lang.For(lang.NB))

	SheetOverview = nbCompareSheets.overview
	SheetAreas    = nbCompareSheets.areas
	SheetStats    = nbCompareSheets.stats
	SheetTrend    = nbCompareSheets.trend
	SheetErrors   = nbCompareSheets.errors
)

func compareSheetNames(p *lang.Printer) compareSheets {
	return compareSheets{overview: p.T("compare-sheet-overview"), areas: p.T("compare-sheet-areas"),
		stats: p.T("compare-sheet-stats"), trend: p.T("compare-sheet-trend"), errors: p.T("compare-sheet-errors")}
}

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
	// All ranks every file. By default a municipality with several files
	// is ranked by its newest (by the answers' date; of equal dates, the
	// file last in path order), and the one before it gives the change.
	All bool
	// Lang is the written standard of the workbook, the questionnaire's
	// texts and the messages on the error sheet included; the zero value
	// is bokmål.
	Lang lang.Lang
}

// Comparison collects the scores of many municipalities and writes the
// comparison workbook: a ranked overview, the areas side by side with a
// chart, statistics per area, the development of municipalities with
// several files, and the files that could not be read.
//
// Kommuner and fylkeskommuner are never ranked together: results scored
// against a questionnaire for fylkeskommuner get sheets of their own,
// named with «– fylkeskommuner» when there are kommuner too. A total that rests on too few answers
// (Result.Uncertain) is listed without a place and left out of the
// statistics.
//
// It keeps only the numbers it shows, not the results: one small row per
// ranked file, and for a municipality with several files by default only
// the newest and the previous row, plus its totals by date.
type Comparison struct {
	fixed  *assessment.Questionnaire
	opt    CompareOptions
	p      *lang.Printer
	groups []*compareGroup // kommuner first
	files  int
	errs   []assessment.Diagnostic
}

// compareRow is what the workbook needs of one result.
type compareRow struct {
	file, number, name, level string
	date                      time.Time // the answers' date; zero when unknown
	total, coverage           assessment.Score
	uncertain                 bool
	areas                     []assessment.Score // aligned with the group's areas
	// prev is the municipality's file before this one, set when the
	// workbook is written; nil when there is none.
	prev *compareRow
}

// unranked reports whether the row is listed without a place: its total
// is uncertain or missing.
func (r *compareRow) unranked() bool { return r.uncertain || !r.total.Defined }

// compareGroup is the municipalities of one audience, ranked on sheets of
// their own.
type compareGroup struct {
	q        *assessment.Questionnaire // its areas are the columns; nil without any result
	audience assessment.Audience
	words    orgWords
	byNumber map[string]*municipality
	all      []*compareRow // CompareOptions.All: every file

	// Set when the workbook is written.
	sheets orgSheets
	rows   []*compareRow // in rank order
	ranked int           // rows[:ranked] have a place
	trend  bool          // some municipality has more than one file
}

// orgSheets are the names of one group's sheets.
type orgSheets struct{ overview, areas, stats, trend string }

// NewComparison starts a comparison against questionnaire q, whose areas
// become the columns. q may be nil: the first result's questionnaire of
// each audience is then used.
func NewComparison(q *assessment.Questionnaire, opt CompareOptions) *Comparison {
	if opt.ToolVersion == "" {
		opt.ToolVersion = "dev"
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	return &Comparison{fixed: q, opt: opt, p: lang.For(opt.Lang)}
}

// Len is the number of files added.
func (c *Comparison) Len() int { return c.files }

// audience is who a questionnaire is for; nil is the default's, kommune.
func audience(q *assessment.Questionnaire) assessment.Audience {
	if q != nil && q.Audience == assessment.ForFylkeskommune {
		return assessment.ForFylkeskommune
	}
	return assessment.ForKommune
}

// group returns the group of a questionnaire's audience, made when new.
func (c *Comparison) group(q *assessment.Questionnaire) *compareGroup {
	aud := audience(q)
	for _, g := range c.groups {
		if g.audience == aud {
			return g
		}
	}
	if c.fixed != nil && audience(c.fixed) == aud {
		q = c.fixed
	}
	g := &compareGroup{q: q, audience: aud, words: wordsFor(c.p, q), byNumber: map[string]*municipality{}}
	c.groups = append(c.groups, g)
	// Kommuner first, whatever came first: the sheets' order and names
	// do not depend on the order of the files.
	slices.SortStableFunc(c.groups, func(a, b *compareGroup) int {
		return cmp.Compare(boolRank(a.audience != assessment.ForKommune), boolRank(b.audience != assessment.ForKommune))
	})
	return g
}

// Add records one result. Areas are matched by id, so results scored
// against another version of the questionnaire still line up; a result
// from another questionnaire of the same audience is noted on the error
// sheet as a warning.
func (c *Comparison) Add(file string, r *assessment.Result) {
	c.files++
	g := c.group(r.Questionnaire)
	if g.q == nil {
		g.q = r.Questionnaire
	}
	if r.Questionnaire.ID != g.q.ID {
		msg := lang.M("compare-other-questionnaire", "Answered", r.Questionnaire.ID, "Compared", g.q.ID)
		c.errs = append(c.errs, assessment.Diagnostic{File: file, Severity: assessment.SevWarning, Message: msg.String(), Msg: msg})
	}
	row := &compareRow{
		file: file, number: r.Answers.Municipality.Number, name: r.Answers.Municipality.Name,
		total: r.Total, coverage: r.Coverage, level: scores.LevelName(c.p, r.Level), uncertain: r.Uncertain,
		areas: make([]assessment.Score, len(g.q.Areas)),
	}
	if r.Answers.Date.IsSet() {
		row.date = r.Answers.Date.Time
	}
	for i, a := range g.q.Areas {
		for _, ar := range r.Areas {
			if ar.Area.ID == a.ID {
				row.areas[i] = ar.Score
				break
			}
		}
	}
	g.add(row, c.opt.All)
}

// AddError records a file that could not be read (or a warning about one)
// for the Feil sheet.
func (c *Comparison) AddError(d assessment.Diagnostic) {
	c.errs = append(c.errs, d)
}

// CompareGroup sums up the municipalities of one audience in a
// comparison, for the command's messages.
type CompareGroup struct {
	// One and Many are the nouns in the comparison's language:
	// «kommune», «kommuner».
	One, Many string
	// Municipalities is how many different ones; Files how many files.
	Municipalities, Files int
	// Repeated is how many municipalities have more than one file.
	Repeated int
	// Unranked is how many rows are listed without a place (uncertain).
	Unranked int
}

// Groups sums up the comparison by audience, kommuner first.
func (c *Comparison) Groups() []CompareGroup {
	out := make([]CompareGroup, 0, len(c.groups))
	for _, g := range c.groups {
		s := CompareGroup{One: g.words.one, Many: g.words.Orgs, Municipalities: len(g.byNumber)}
		for _, m := range g.byNumber {
			s.Files += len(m.history)
			if len(m.history) > 1 {
				s.Repeated++
			}
			if !c.opt.All && m.newest.unranked() {
				s.Unranked++
			}
		}
		for _, r := range g.all {
			if r.unranked() {
				s.Unranked++
			}
		}
		out = append(out, s)
	}
	return out
}

// WriteTo writes the workbook: for each audience Oversikt, Områder,
// Statistikk and, when a municipality has several files, Utvikling; then
// Feil. The large sheets are streamed.
func (c *Comparison) WriteTo(w io.Writer) (int64, error) {
	p := c.p
	names := compareSheetNames(p)
	groups := c.groups
	if len(groups) == 0 {
		groups = []*compareGroup{{q: c.fixed, audience: audience(c.fixed), words: wordsFor(p, c.fixed), byNumber: map[string]*municipality{}}}
	}
	var counts, refs, orgs []string
	for i, g := range groups {
		g.prepare(c.opt.All)
		g.sheets = orgSheets{names.overview, names.areas, names.stats, names.trend}
		if i > 0 {
			// Sheet names have room for 31 characters.
			suffix := func(name string) string { return p.T("compare-sheet-suffix", "Sheet", name, "Orgs", g.words.Orgs) }
			g.sheets = orgSheets{suffix(names.overview), suffix(names.areas), suffix(names.stats), suffix(names.trend)}
		}
		counts = append(counts, g.words.count(p, len(g.byNumber)))
		orgs = append(orgs, g.words.Orgs)
		if g.q != nil {
			refs = append(refs, g.q.Ref().String())
		}
	}
	title := p.T("compare-title", "Counts", scores.JoinAnd(p, counts))
	footer := ""
	switch {
	case len(groups) == 1 && groups[0].q != nil:
		footer = fmt.Sprintf("%s · %s", groups[0].q.Title.Localize(p), refs[0])
	case len(groups) > 1:
		for i, g := range groups {
			refs[i] = p.T("compare-ref-of", "Ref", refs[i], "Orgs", g.words.Orgs)
		}
		footer = p.T("compare-footer-refs", "Refs", strings.Join(refs, ", "))
	}
	b := sheet.NewIn(p.Lang(), title, footer)
	defer b.File.Close()
	for _, g := range groups {
		names := []string{g.sheets.overview, g.sheets.areas, g.sheets.stats}
		if g.trend {
			names = append(names, g.sheets.trend)
		}
		for _, name := range names {
			b.NewSheet(name)
		}
	}
	b.NewSheet(names.errors)
	for _, g := range groups {
		c.overview(b, g)
		c.areaSheet(b, g)
		c.stats(b, g)
		if g.trend {
			c.trendSheet(b, g)
		}
	}
	c.errors(b, names.errors)
	subject := title
	if len(refs) > 0 {
		subject = p.T("compare-subject", "Title", title, "Refs", strings.Join(refs, ", "))
	}
	b.DocProps(p.T("compare-doc-title", "Orgs", scores.JoinAnd(p, orgs)), subject,
		p.T("compare-doc-description", "Version", c.opt.ToolVersion), c.opt.ToolVersion, c.opt.Now)
	if err := b.Err(); err != nil {
		return 0, fmt.Errorf("%s: %w", p.T("report-workbook-failed"), err)
	}
	return b.File.WriteTo(w)
}

// prepare picks and orders the rows to rank: the highest total first;
// uncertain totals and those without a score after them, by number;
// ties by number and file, so that the order never depends on input
// order or timing.
func (g *compareGroup) prepare(all bool) {
	g.rows = g.rows[:0]
	g.trend = false
	for _, m := range g.byNumber {
		g.trend = g.trend || len(m.history) > 1
		if !all {
			m.newest.prev = m.previous
			g.rows = append(g.rows, m.newest)
		}
	}
	if all {
		g.rows = append(g.rows, g.all...)
		linkPrevious(g.rows)
	}
	slices.SortFunc(g.rows, func(a, b *compareRow) int {
		if ua, ub := a.unranked(), b.unranked(); ua != ub {
			return cmp.Compare(boolRank(ua), boolRank(ub))
		} else if !ua {
			if d := cmp.Compare(b.total.Value, a.total.Value); d != 0 {
				return d
			}
		}
		return byNumberAge(a, b)
	})
	g.ranked = 0
	for g.ranked < len(g.rows) && !g.rows[g.ranked].unranked() {
		g.ranked++
	}
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (g *compareGroup) areas() []assessment.Area {
	if g.q == nil {
		return nil
	}
	return g.q.Areas
}

// orgWords are the words a comparison uses for its municipalities, in
// its language.
type orgWords struct {
	assessment.Words
	fylke  bool
	one    string // «kommune», «fylkeskommune»
	title  string // «Kommune», «Fylkeskommune»: a column
	number string // «Kommunenr.», «Fylkesnr.»: a column
	the    string // the definite plural: «kommunene»
}

func wordsFor(p *lang.Printer, q *assessment.Questionnaire) orgWords {
	w := orgWords{Words: (&assessment.Questionnaire{}).WordsIn(p), one: p.T("compare-one-kommune"), title: p.T("compare-title-kommune"),
		number: p.T("compare-number-kommune"), the: p.T("compare-the-kommune")}
	if q != nil {
		w.Words = q.WordsIn(p)
	}
	if audience(q) == assessment.ForFylkeskommune {
		w.fylke = true
		w.one, w.title, w.number, w.the = p.T("compare-one-fylke"), p.T("compare-title-fylke"), p.T("compare-number-fylke"), p.T("compare-the-fylke")
	}
	return w
}

// count counts municipalities in words: «én kommune», «12 kommuner».
func (w orgWords) count(p *lang.Printer, n int) string {
	if w.fylke {
		return p.T("compare-count-fylke", "Count", n)
	}
	return p.T("compare-count-kommune", "Count", n)
}

// minCoverage is the share of answers below which a total is uncertain.
func minCoverage(q *assessment.Questionnaire) float64 {
	if q != nil && q.MinCoverage != nil {
		return *q.MinCoverage
	}
	return assessment.DefaultMinCoverage
}

// uncertainText says why a row has no place: «usikker – bare 14 % besvart».
// The share is rounded down, so that it never reaches the threshold.
func uncertainText(p *lang.Printer, coverage assessment.Score) string {
	if !coverage.Defined {
		return p.T("compare-uncertain-none")
	}
	return scores.UncertainText(p, fmt.Sprintf("%d\u00a0%%", int(math.Floor(coverage.Value*100))))
}

// verticalHeader is the height of a header row whose area names stand on
// end, wrapped in up to two lines.
func verticalHeader(p *lang.Printer, areas []assessment.Area) float64 {
	longest := 0
	for _, a := range areas {
		longest = max(longest, len([]rune(a.Name.Localize(p))))
	}
	return min(160, max(60, float64(longest)*6.5/2+24))
}

func scoreOrDash(s assessment.Score, style int) excelize.Cell {
	if !s.Defined {
		return excelize.Cell{StyleID: style, Value: "–"}
	}
	return excelize.Cell{StyleID: style, Value: s.Value}
}

// overview is the ranked table: one row per municipality, the ranked
// ones by total, then those without a place. With a municipality of
// several files each score is followed by its change since the file
// before, and the dates of both are shown.
func (c *Comparison) overview(b *sheet.Book, g *compareGroup) {
	p, st := c.p, &b.Styles
	name := g.sheets.overview
	areas := g.areas()
	rankWidth := 7.0
	if g.ranked < len(g.rows) {
		rankWidth = 15 // «usikker – bare 14 % besvart» on two lines
	}
	change := p.T("report-col-change")
	cols := []sheet.Column{{Title: p.T("compare-col-place"), Width: rankWidth}, {Title: g.words.number, Width: 12}, {Title: g.words.title, Width: 22},
		{Title: p.T("compare-col-total"), Width: 10}}
	if g.trend {
		cols = append(cols, sheet.Column{Title: change, Width: 9})
	}
	cols = append(cols, sheet.Column{Title: p.T("col-level"), Width: 14}, sheet.Column{Title: p.T("col-coverage"), Width: 9})
	// areaCol is the 0-based column of area i; its change is the next.
	first, step := len(cols), 1
	if g.trend {
		step = 2
	}
	areaCol := func(i int) int { return first + i*step }
	// With a change beside each area the columns are narrower, so that
	// the printed table stays readable (about 70 %).
	areaWidth := 9.0
	if g.trend {
		areaWidth = 7
	}
	for _, a := range areas {
		cols = append(cols, sheet.Column{Title: a.Name.Localize(p), Width: areaWidth})
		if g.trend {
			cols = append(cols, sheet.Column{Title: change, Width: 6})
		}
	}
	dateCol := len(cols)
	if g.trend {
		cols = append(cols, sheet.Column{Title: p.T("compare-col-date"), Width: 10.5}, sheet.Column{Title: p.T("compare-col-change-since"), Width: 10.5})
	}
	cols = append(cols, sheet.Column{Title: p.T("compare-col-file"), Width: 30})
	s := sheet.Setup{Name: name, Cols: cols, HeaderRows: 1, FreezeCols: 3}
	b.PrintSetup(s)
	last := max(len(g.rows)+1, 2)
	// The file column is for the screen; the printout ends before it.
	b.Check(b.File.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: name,
		RefersTo: fmt.Sprintf("%s!$A:$%s", sheet.QuoteSheet(name), sheet.ColName(len(cols)-1))}))
	// Colours for the ranked rows only: a score without a place is not
	// measured against the others.
	if g.ranked > 0 {
		b.Check(b.File.SetConditionalFormat(name, fmt.Sprintf("D2:D%d", g.ranked+1), colorScale()))
		var refs []string
		switch {
		case g.trend:
			for i := range areas {
				refs = append(refs, fmt.Sprintf("%s:%s", sheet.Cell(areaCol(i)+1, 2), sheet.Cell(areaCol(i)+1, g.ranked+1)))
			}
		case len(areas) > 0:
			refs = append(refs, fmt.Sprintf("%s:%s", sheet.Cell(first+1, 2), sheet.Cell(first+len(areas), g.ranked+1)))
		}
		if len(refs) > 0 {
			b.Check(b.File.SetConditionalFormat(name, strings.Join(refs, " "), colorScale()))
		}
	}
	b.AutoFilter(name, fmt.Sprintf("A1:%s", sheet.Cell(len(cols), last)))

	sw := b.Stream(s)
	// Area names stand on end, so that the table fits a printed page.
	vertical := verticalStyle(b)
	date := dateStyle(b)
	head := make([]any, len(cols))
	for i, col := range cols {
		style := st.HeaderCenter
		if i >= first && i < first+len(areas)*step {
			style = vertical
		}
		head[i] = excelize.Cell{StyleID: style, Value: col.Title}
	}
	b.StreamRow(sw, 1, head, excelize.RowOpts{Height: verticalHeader(p, areas)})
	cells := make([]any, len(cols))
	for i, r := range g.rows {
		texts := map[int]string{2: r.name, len(cols) - 1: r.file}
		if i < g.ranked {
			cells[0] = excelize.Cell{StyleID: st.Integer, Value: i + 1}
		} else {
			rank := uncertainText(p, r.coverage)
			cells[0] = excelize.Cell{StyleID: st.Missing, Value: rank}
			texts[0] = rank
		}
		cells[1] = excelize.Cell{StyleID: st.TextCenter, Value: r.number}
		cells[2] = excelize.Cell{StyleID: st.Text, Value: r.name}
		if i < g.ranked {
			cells[3] = scoreOrDash(r.total, st.OneDecimalBold)
		} else {
			cells[3] = scoreOrDash(r.total, st.OneDecimal)
		}
		col := 4
		if g.trend {
			cells[col] = changeCell(b, r, func(r *compareRow) assessment.Score { return r.total })
			col++
		}
		cells[col] = excelize.Cell{StyleID: st.TextCenter, Value: r.level}
		cells[col+1] = scoreOrDash(r.coverage, st.Percent)
		for j, s := range r.areas {
			cells[areaCol(j)] = scoreOrDash(s, st.OneDecimal)
			if g.trend {
				cells[areaCol(j)+1] = changeCell(b, r, func(r *compareRow) assessment.Score { return r.areas[j] })
			}
		}
		if g.trend {
			cells[dateCol] = dateCell(r.date, date, st.TextCenter)
			cells[dateCol+1] = excelize.Cell{StyleID: st.TextCenter, Value: "–"}
			if r.prev != nil {
				cells[dateCol+1] = dateCell(r.prev.date, date, st.TextCenter)
			}
		}
		cells[len(cols)-1] = excelize.Cell{StyleID: st.TextMuted, Value: r.file}
		b.StreamRow(sw, i+2, cells, sheet.FitRowOpts(cols, texts))
	}
	if len(g.rows) == 0 {
		b.StreamRow(sw, 2, []any{excelize.Cell{StyleID: st.TextMuted, Value: p.T("compare-no-files", "Sheet", compareSheetNames(p).errors)}})
	}
	if sw != nil {
		b.Check(sw.Flush())
	}
}

// streamNote writes a note under a streamed table, merged over the
// first columns up to about a page's width and tall enough for its text.
func streamNote(b *sheet.Book, sw *excelize.StreamWriter, row int, cols []sheet.Column, text string) {
	to, width := 0, 0.0
	for to < len(cols) && width < 90 {
		width += cols[to].Width
		to++
	}
	if sw != nil && to > 1 {
		b.Check(sw.MergeCell(sheet.Cell(1, row), sheet.Cell(to, row)))
	}
	b.StreamRow(sw, row, []any{excelize.Cell{StyleID: b.Styles.Note, Value: text}},
		excelize.RowOpts{Height: max(sheet.DefaultRowHeight, sheet.TextHeight(text, width, 10))})
}

// verticalStyle is the header style of names that stand on end.
func verticalStyle(b *sheet.Book) int {
	return b.Style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 10, Bold: true, Color: "FFFFFF"},
		Fill: sheet.Solid(sheet.ColorHeader), Alignment: &excelize.Alignment{TextRotation: 90, WrapText: true, Vertical: "bottom", Horizontal: "center"}})
}

// areaSheet is the area × municipality matrix with a bar chart: each
// ranked municipality one by one when there are few, else the median and
// quartiles from the statistics sheet.
func (c *Comparison) areaSheet(b *sheet.Book, g *compareGroup) {
	p, st := c.p, &b.Styles
	name := g.sheets.areas
	areas := g.areas()
	n := min(len(g.rows), maxAreaColumns)
	ranked := min(g.ranked, n)
	cols := []sheet.Column{{Title: p.T("col-area"), Width: 30}}
	for i, r := range g.rows[:n] {
		title := fmt.Sprintf("%s (%s)", r.name, r.number)
		if i >= ranked {
			title = p.T("compare-uncertain-mark", "Name", title)
		}
		cols = append(cols, sheet.Column{Title: title, Width: 9})
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
	// A long area name wraps: its row is made tall enough.
	heights := make([]excelize.RowOpts, len(areas))
	table := headHeight + sheet.DefaultRowHeight
	for i, a := range areas {
		heights[i] = sheet.FitRowOpts(cols, map[int]string{0: a.Name.Localize(p)})
		table += max(heights[i].Height, sheet.DefaultRowHeight)
	}
	s := sheet.Setup{Name: name, Cols: cols, HeaderRows: 1, FreezeCols: 1, Wide: wide,
		// A table that fits the page's height needs no header on the
		// next page, which is the chart's.
		NoRepeat: table <= page}
	if wide {
		s.TitleCols = 1
	}
	b.PrintSetup(s)
	if ranked > 0 {
		b.Check(b.File.SetConditionalFormat(name, fmt.Sprintf("B2:%s", sheet.Cell(ranked+1, lastRow)), colorScale()))
	}
	var notes []string
	if len(g.rows) > n {
		notes = append(notes, p.T("compare-areas-cut", "N", n, "Total", g.words.count(p, len(g.rows)), "Max", maxAreaColumns+1, "Sheet", g.sheets.overview))
	}
	if ranked < n {
		notes = append(notes, p.T("compare-areas-uncertain", "Orgs", capitalize(g.words.Orgs), "Percent", int(math.Round(minCoverage(g.q)*100))))
	}
	noteRow := lastRow + 2
	chartRow := lastRow + 4 + len(notes)
	if len(areas) > 0 && ranked > 0 {
		chart := c.areaChart(b, g, ranked, lastRow, chartRow)
		// The chart starts a page of its own when it does not fit under
		// the table: a chart is never split.
		if table+float64(chartRow-lastRow-1)*sheet.DefaultRowHeight+chart > page {
			b.Check(b.File.InsertPageBreak(name, sheet.Cell(1, chartRow)))
		}
	}

	sw := b.Stream(s)
	// Municipality names stand on end, as in the overview.
	vertical := verticalStyle(b)
	head := make([]any, len(cols))
	for i, col := range cols {
		head[i] = excelize.Cell{StyleID: vertical, Value: col.Title}
	}
	head[0] = excelize.Cell{StyleID: st.Header, Value: cols[0].Title}
	b.StreamRow(sw, 1, head, excelize.RowOpts{Height: headHeight})
	cells := make([]any, n+1)
	cells[0] = excelize.Cell{StyleID: st.TextBold, Value: p.T("compare-col-total")}
	for j, r := range g.rows[:n] {
		cells[j+1] = scoreOrDash(r.total, st.OneDecimalBold)
	}
	b.StreamRow(sw, 2, cells)
	for i, a := range areas {
		cells[0] = excelize.Cell{StyleID: st.Text, Value: a.Name.Localize(p)}
		for j, r := range g.rows[:n] {
			cells[j+1] = scoreOrDash(r.areas[i], st.OneDecimal)
		}
		b.StreamRow(sw, i+3, cells, heights[i])
	}
	for i, note := range notes {
		streamNote(b, sw, noteRow+i, cols, note)
	}
	if sw != nil {
		b.Check(sw.Flush())
	}
}

// areaChart draws the area chart of the ranked municipalities at row at
// and returns its height in points.
func (c *Comparison) areaChart(b *sheet.Book, g *compareGroup, n, lastRow, at int) float64 {
	areas := g.areas()
	sh, stats := sheet.QuoteSheet(g.sheets.areas), sheet.QuoteSheet(g.sheets.stats)
	cats := fmt.Sprintf("%s!$A$3:$A$%d", sh, lastRow)
	p := c.p
	var series []excelize.ChartSeries
	title := p.T("compare-chart-title")
	var alt string
	left := ""
	if u := len(g.rows) - g.ranked; u > 0 {
		left = p.T("compare-chart-left-out", "Orgs", capitalize(g.words.count(p, u)))
	}
	if n <= chartSeriesLimit {
		for j := range n {
			col := sheet.ColName(j + 2)
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$%s$1", sh, col),
				Categories: cats,
				Values:     fmt.Sprintf("%s!$%s$3:$%s$%d", sh, col, col, lastRow),
				Fill:       sheet.Solid(okabeIto[j%len(okabeIto)]),
			})
		}
		alt = sentences(p.T("compare-chart-alt", "Areas", len(areas), "Orgs", g.words.count(p, n)), left)
	} else {
		title = p.T("compare-chart-quartiles-title", "Orgs", g.words.count(p, g.ranked))
		statCats := fmt.Sprintf("%s!$A$3:$A$%d", stats, len(areas)+2)
		// Blues from light to dark, each with at least 3:1 contrast to the
		// white background; the values are printed at the bars.
		for _, col := range []struct{ letter, color string }{{"D", "4393C3"}, {"E", "053061"}, {"F", "2166AC"}} {
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$%s$1", stats, col.letter),
				Categories: statCats,
				Values:     fmt.Sprintf("%s!$%s$3:$%s$%d", stats, col.letter, col.letter, len(areas)+2),
				Fill:       sheet.Solid(col.color),
			})
		}
		alt = sentences(p.T("compare-chart-quartiles-alt", "Areas", len(areas), "Orgs", g.words.count(p, g.ranked), "Sheet", g.sheets.stats), left)
	}
	lo, hi := 0.0, 100.0
	height := uint(max(380, 60+len(areas)*min(n, 4)*14))
	plot := excelize.ChartPlotArea{}
	if n > chartSeriesLimit {
		plot = excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}}
	}
	b.Check(b.File.AddChart(g.sheets.areas, sheet.Cell(1, at), &excelize.Chart{
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
// each area, over the ranked municipalities that have a score there.
func (c *Comparison) stats(b *sheet.Book, g *compareGroup) {
	p, st := c.p, &b.Styles
	sh := g.sheets.stats
	cols := []sheet.Column{{Title: p.T("col-area"), Width: 32}, {Title: p.T("compare-col-count"), Width: 9}, {Title: p.T("compare-col-lowest"), Width: 9},
		{Title: p.T("compare-col-lower-quartile"), Width: 10}, {Title: p.T("compare-col-median"), Width: 9}, {Title: p.T("compare-col-upper-quartile"), Width: 10},
		{Title: p.T("compare-col-highest"), Width: 9}, {Title: p.T("compare-col-mean"), Width: 9}}
	b.SetUp(sheet.Setup{Name: sh, Cols: cols, HeaderRows: 1})
	b.HeaderRow(sh, 1, cols, st.HeaderCenter)
	b.Set(sh, 1, 1, cols[0].Title, st.Header)
	b.Check(b.File.SetRowHeight(sh, 1, 32))

	ranked := g.rows[:g.ranked]
	values := make([]float64, 0, len(ranked))
	line := func(row int, name string, style int, get func(*compareRow) assessment.Score) {
		values = values[:0]
		for _, r := range ranked {
			if s := get(r); s.Defined {
				values = append(values, s.Value)
			}
		}
		b.Set(sh, 1, row, name, style)
		b.FitCells(sh, row, cols, []any{name})
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
	line(2, p.T("compare-col-total"), st.TextBold, func(r *compareRow) assessment.Score { return r.total })
	for i, a := range g.areas() {
		line(i+3, a.Name.Localize(p), st.Text, func(r *compareRow) assessment.Score { return r.areas[i] })
	}
	last := len(g.areas()) + 2
	uncertain := ""
	if u := len(g.rows) - g.ranked; u > 0 {
		uncertain = p.T("compare-stats-uncertain", "Orgs", capitalize(g.words.count(p, u)), "Percent", int(math.Round(minCoverage(g.q)*100)), "Sheet", g.sheets.areas)
	}
	note := sentences(p.T("compare-stats-count", "The", g.words.the), uncertain, p.T("compare-stats-method"))
	b.Merged(sh, last+2, 1, len(cols), note, st.Note, 88, 10)
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

// errors lists the files that could not be read, with why, on the sheet
// named sh.
func (c *Comparison) errors(b *sheet.Book, sh string) {
	p, st := c.p, &b.Styles
	cols := []sheet.Column{{Title: p.T("compare-col-file"), Width: 34}, {Title: p.T("compare-col-line"), Width: 7}, {Title: p.T("compare-col-column"), Width: 8},
		{Title: p.T("compare-col-type"), Width: 10}, {Title: p.T("compare-col-message"), Width: 90}}
	s := sheet.Setup{Name: sh, Cols: cols, HeaderRows: 1}
	b.PrintSetup(s)
	if len(c.errs) > 0 {
		b.AutoFilter(sh, fmt.Sprintf("A1:%s", sheet.Cell(len(cols), len(c.errs)+1)))
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
		b.StreamRow(sw, 2, []any{excelize.Cell{StyleID: st.TextMuted, Value: p.T("compare-no-errors")}})
	}
	for i, d := range c.errs {
		kind := p.T("compare-error")
		if d.Severity == assessment.SevWarning {
			kind = p.T("compare-warning")
		}
		msg := d.Text(p)
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
