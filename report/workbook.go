package report

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Colours of the workbooks. The scales are blue–orange, which people with
// the common forms of colour blindness tell apart, and light enough that
// black text on them keeps good contrast (WCAG AA).
const (
	colorInk      = "1F1F1F"
	colorNavy     = "1F3864" // headings
	colorHeader   = "1F4E79" // table header fill, white text on it
	colorMuted    = "595959"
	colorBand     = "DDEBF7" // group headings
	colorLine     = "BFBFBF"
	colorMissing  = "FBE5D6" // unanswered, always together with a text
	scaleLow      = "F1A340" // orange: far from the target
	scaleMid      = "F7F7F7"
	scaleHigh     = "67A9CF" // blue: close to the target
	chartNow      = "2166AC"
	chartBaseline = "E08214"
)

// Excel's limits that user text must respect.
const (
	maxCellText   = 32767
	maxHeaderText = 255
)

// book wraps an excelize file with the styles every sheet shares, and
// remembers the first error so that sheet builders stay readable; the
// caller checks err once before writing.
type book struct {
	f   *excelize.File
	err error
	st  styles
	// header is the text in every page header (the municipality's name,
	// or the comparison's title).
	header string
	footer string
}

// styles are the cell styles of a workbook, by role.
type styles struct {
	title, subtitle, h2, note                    int
	header, headerCenter                         int
	text, textBold, textCenter, textMuted        int
	score, scoreBig, share, shareBig, priority   int
	levelBig, labelBig, finding, missing, band   int
	bandNote, number, integer, scoreBold, change int
	// Indented a little, for a column of text that would otherwise run
	// on from the one to its left.
	headerIndent, textIndent int
}

func newBook(header, footer string) *book {
	b := &book{f: excelize.NewFile(), header: header, footer: footer}
	b.f.SetZipWriter(fastZip)
	b.st = b.newStyles()
	return b
}

// fastZip compresses the workbook's parts at flate.BestSpeed: for a
// comparison of 10,000 municipalities compression is a fifth of the
// writing time, and the file grows by only a little.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return zw
}

func (b *book) check(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

func (b *book) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.check(err)
	return id
}

func ptr[T any](v T) *T { return &v }

func (b *book) newStyles() styles {
	thin := []excelize.Border{{Type: "bottom", Color: colorLine, Style: 1}}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "top"}
	font := func(size float64, bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: "Calibri", Size: size, Bold: bold, Color: color}
	}
	return styles{
		title:    b.style(&excelize.Style{Font: font(18, true, colorNavy)}),
		subtitle: b.style(&excelize.Style{Font: font(11, false, colorMuted), Alignment: wrapTop}),
		h2: b.style(&excelize.Style{Font: font(13, true, colorNavy),
			Border: []excelize.Border{{Type: "bottom", Color: colorNavy, Style: 2}}, Alignment: &excelize.Alignment{Vertical: "bottom"}}),
		note: b.style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 10, Italic: true, Color: colorMuted}, Alignment: wrapTop}),
		header: b.style(&excelize.Style{Font: font(11, true, "FFFFFF"), Fill: solid(colorHeader),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}}),
		headerCenter: b.style(&excelize.Style{Font: font(11, true, "FFFFFF"), Fill: solid(colorHeader),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}}),
		text:       b.style(&excelize.Style{Font: font(11, false, colorInk), Alignment: wrapTop, Border: thin}),
		textBold:   b.style(&excelize.Style{Font: font(11, true, colorInk), Alignment: wrapTop, Border: thin}),
		textCenter: b.style(&excelize.Style{Font: font(11, false, colorInk), Alignment: center, Border: thin}),
		textMuted:  b.style(&excelize.Style{Font: font(11, false, colorMuted), Alignment: wrapTop, Border: thin}),
		score: b.style(&excelize.Style{Font: font(11, false, colorInk), Alignment: center, Border: thin,
			CustomNumFmt: ptr("0.0")}),
		scoreBold: b.style(&excelize.Style{Font: font(11, true, colorInk), Alignment: center, Border: thin,
			CustomNumFmt: ptr("0.0")}),
		change: b.style(&excelize.Style{Font: font(11, false, colorInk), Alignment: center, Border: thin,
			CustomNumFmt: ptr(`+0.0;"−"0.0;0.0`)}),
		share: b.style(&excelize.Style{Font: font(11, false, colorInk), Alignment: center, Border: thin,
			CustomNumFmt: ptr("0 %")}),
		priority: b.style(&excelize.Style{Font: font(11, false, colorInk), Alignment: center, Border: thin,
			CustomNumFmt: ptr("0.00")}),
		number: b.style(&excelize.Style{Font: font(11, false, colorInk), Alignment: center, Border: thin,
			CustomNumFmt: ptr("0.##")}),
		integer: b.style(&excelize.Style{Font: font(11, false, colorInk), Alignment: center, Border: thin, NumFmt: 1}),
		scoreBig: b.style(&excelize.Style{Font: font(26, true, colorNavy), CustomNumFmt: ptr("0.0"),
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}),
		shareBig: b.style(&excelize.Style{Font: font(26, true, colorNavy), CustomNumFmt: ptr("0 %"),
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}),
		levelBig: b.style(&excelize.Style{Font: font(20, true, colorNavy),
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}),
		labelBig: b.style(&excelize.Style{Font: font(11, true, colorMuted), Alignment: &excelize.Alignment{Vertical: "bottom"}}),
		finding:  b.style(&excelize.Style{Font: font(11, false, colorInk), Alignment: wrapTop}),
		missing: b.style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Italic: true, Color: colorInk},
			Fill: solid(colorMissing), Alignment: wrapTop, Border: thin}),
		band: b.style(&excelize.Style{Font: font(12, true, colorNavy), Fill: solid(colorBand),
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}),
		bandNote: b.style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 10, Italic: true, Color: colorInk},
			Fill: solid(colorBand), Alignment: wrapTop}),
		headerIndent: b.style(&excelize.Style{Font: font(11, true, "FFFFFF"), Fill: solid(colorHeader),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "left", Indent: 1}}),
		textIndent: b.style(&excelize.Style{Font: font(11, false, colorInk), Border: thin,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top", Horizontal: "left", Indent: 1}}),
	}
}

func solid(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

// column is one column of a sheet: its header and width in characters.
type column struct {
	title string
	width float64
}

// sheetSetup is how a sheet is laid out and printed.
type sheetSetup struct {
	name       string
	cols       []column
	headerRows int  // rows to freeze and repeat on every printed page
	freezeCols int  // columns to freeze
	portrait   bool // else landscape
	noGrid     bool // hide gridlines (the summary reads like a page)
	// wide sheets (thousands of columns) print across pages at full
	// size instead of being shrunk to one page width.
	wide bool
	// titleCols are columns repeated on every printed page of a wide
	// sheet, so that each page says what its rows are.
	titleCols int
	// noRepeat keeps the header rows frozen on the screen but does not
	// repeat them on printed pages (a short table with a chart below).
	noRepeat bool
	// printFrom and printTo limit the printout to these columns (1-based;
	// 0 means the first or the last): columns that only matter on the
	// screen, like ids and file names, would only shrink the print.
	printFrom, printTo int
}

// addSheet creates a sheet (the first call renames the default one) and
// applies widths, frozen panes and print settings.
func (b *book) addSheet(s sheetSetup) {
	b.newSheet(s.name)
	for _, r := range widthRuns(s.cols) {
		b.check(b.f.SetColWidth(s.name, colName(r.from), colName(r.to), r.width))
	}
	if s.headerRows > 0 || s.freezeCols > 0 {
		b.check(b.f.SetPanes(s.name, b.panes(s)))
	}
	b.printSetup(s)
}

// newSheet adds a sheet, reusing the empty default sheet for the first.
func (b *book) newSheet(name string) {
	if b.f.SheetCount == 1 && b.f.GetSheetName(0) == "Sheet1" {
		b.check(b.f.SetSheetName("Sheet1", name))
		return
	}
	_, err := b.f.NewSheet(name)
	b.check(err)
}

// widthRun is a range of adjacent columns of the same width.
type widthRun struct {
	from, to int // 1-based, inclusive
	width    float64
}

// widthRuns groups columns by width: excelize merges column ranges on
// every call, so setting thousands of columns one by one is quadratic.
func widthRuns(cols []column) []widthRun {
	var runs []widthRun
	for i, c := range cols {
		if n := len(runs); n > 0 && runs[n-1].width == c.width && runs[n-1].to == i {
			runs[n-1].to = i + 1
			continue
		}
		runs = append(runs, widthRun{i + 1, i + 1, c.width})
	}
	return runs
}

func (b *book) panes(s sheetSetup) *excelize.Panes {
	topLeft, _ := excelize.CoordinatesToCellName(s.freezeCols+1, s.headerRows+1)
	pane := "bottomLeft"
	switch {
	case s.freezeCols > 0 && s.headerRows > 0:
		pane = "bottomRight"
	case s.freezeCols > 0:
		pane = "topRight"
	}
	return &excelize.Panes{Freeze: true, XSplit: s.freezeCols, YSplit: s.headerRows,
		TopLeftCell: topLeft, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: pane}}}
}

// printSetup makes a sheet print on A4 fitted to the page width, with the
// header rows repeated and the name and page numbers in header and footer.
func (b *book) printSetup(s sheetSetup) {
	orient := "landscape"
	if s.portrait {
		orient = "portrait"
	}
	layout := &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: &orient, FitToWidth: ptr(1), FitToHeight: ptr(0),
	}
	if s.wide {
		// All of the rows' first columns, then the next columns: the
		// table reads page by page to the right, and what stands below
		// it (a chart) comes last.
		layout.PageOrder = ptr("overThenDown")
	}
	b.check(b.f.SetPageLayout(s.name, layout))
	// A fixed default row height makes LibreOffice lay rows out as Excel
	// does, so that row heights and page breaks come out the same.
	b.check(b.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: ptr(!s.wide),
		DefaultRowHeight: ptr(defaultRowHeight), CustomHeight: ptr(true)}))
	b.check(b.f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{
		Left: ptr(marginSide / 72), Right: ptr(marginSide / 72), Top: ptr(marginTopBottom / 72), Bottom: ptr(marginTopBottom / 72),
		Header: ptr(0.3), Footer: ptr(0.3), Horizontally: ptr(false),
	}))
	b.check(b.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: headerText("&L&\"Calibri,Bold\"", b.header, "&R&A"),
		OddFooter: headerText("&L", b.footer, "&RSide &P av &N"),
	}))
	if s.noGrid {
		b.check(b.f.SetSheetView(s.name, 0, &excelize.ViewOptions{ShowGridLines: ptr(false)}))
	}
	var titles []string
	if s.titleCols > 0 {
		titles = append(titles, fmt.Sprintf("%s!$A:$%s", quoteSheet(s.name), colName(s.titleCols)))
	}
	if s.headerRows > 0 && !s.noRepeat {
		titles = append(titles, fmt.Sprintf("%s!$1:$%d", quoteSheet(s.name), s.headerRows))
	}
	if len(titles) > 0 {
		b.check(b.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: s.name, RefersTo: strings.Join(titles, ","),
		}))
	}
	if s.printFrom > 0 || s.printTo > 0 {
		from, to := max(s.printFrom, 1), s.printTo
		if to == 0 {
			to = len(s.cols)
		}
		b.check(b.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Area", Scope: s.name,
			RefersTo: fmt.Sprintf("%s!$%s:$%s", quoteSheet(s.name), colName(from), colName(to)),
		}))
	}
}

// headerText builds a page header or footer around user text: «&» starts
// a control code there, so it is doubled, and the whole must stay within
// Excel's 255 characters.
func headerText(prefix, text, suffix string) string {
	room := maxHeaderText - utf8.RuneCountInString(prefix+suffix)
	// Half the room, since doubling every «&» may double the length.
	text = strings.ReplaceAll(truncate(text, room/2), "&", "&&")
	return prefix + text + suffix
}

func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// cell returns the A1 name of a 1-based column and row.
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// colName returns the letters of a 1-based column.
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// set writes one value with a style. Strings always stay text: excelize
// writes them as strings, never as formulas, so «=HYPERLINK(…)» in a
// comment is shown as typed.
func (b *book) set(sheet string, col, row int, v any, style int) {
	ref := cell(col, row)
	if s, ok := v.(string); ok {
		v = truncate(s, maxCellText)
	}
	b.check(b.f.SetCellValue(sheet, ref, v))
	if style != 0 {
		b.check(b.f.SetCellStyle(sheet, ref, ref, style))
	}
}

// setScore writes a score, or «–» when it is undefined.
func (b *book) setScore(sheet string, col, row int, s scoreCell, style int) {
	if s.ok {
		b.set(sheet, col, row, s.v, style)
		return
	}
	b.set(sheet, col, row, "–", style)
}

// scoreCell is a value that may be undefined, as it goes into a cell.
type scoreCell struct {
	v  float64
	ok bool
}

// headerRow writes a table header row.
func (b *book) headerRow(sheet string, row int, cols []column, style int) {
	for i, c := range cols {
		b.set(sheet, i+1, row, c.title, style)
	}
}

// merged writes a text into the cells from col to toCol, merged, and makes
// the row tall enough for the wrapped text: no spreadsheet program grows a
// merged row by itself.
func (b *book) merged(sheet string, row, col, toCol int, text string, style int, width float64, size float64) {
	b.set(sheet, col, row, text, style)
	if toCol > col {
		b.check(b.f.MergeCell(sheet, cell(col, row), cell(toCol, row)))
		b.check(b.f.SetCellStyle(sheet, cell(col, row), cell(toCol, row), style))
	}
	b.fitRow(sheet, row, text, width, size)
}

// fitRow sets a row's height for text wrapped in a width of characters at
// a font size, if that is taller than the row already is.
func (b *book) fitRow(sheet string, row int, text string, width, size float64) {
	h := textHeight(text, width, size)
	cur, err := b.f.GetRowHeight(sheet, row)
	b.check(err)
	if h > cur {
		b.check(b.f.SetRowHeight(sheet, row, h))
	}
}

// fitCells sets the height of a table row from the wrapped strings in it:
// neither Excel nor LibreOffice reliably grows rows of a generated file.
func (b *book) fitCells(sheet string, row int, cols []column, vals []any) {
	if h := cellsHeight(cols, vals); h > defaultRowHeight {
		b.check(b.f.SetRowHeight(sheet, row, h))
	}
}

// cellsHeight is the height in points that fitCells gives a row of these
// values: the default height when every text fits on one line.
func cellsHeight(cols []column, vals []any) float64 {
	lines := 1
	for i, v := range vals {
		if s, ok := v.(string); ok && i < len(cols) {
			lines = max(lines, lineCount(s, cols[i].width-1, 11))
		}
	}
	if lines == 1 {
		return defaultRowHeight
	}
	return linesHeight(lines, 11)
}

// textHeight estimates the height in points of text wrapped in a column
// width (in characters of the default 11 pt font) at a font size.
func textHeight(text string, width, size float64) float64 {
	return linesHeight(lineCount(text, width, size), size)
}

// linesHeight is the height of lines of text at a font size, with a
// little air: a cut-off line is worse than some white space.
func linesHeight(lines int, size float64) float64 {
	return math.Ceil(float64(lines)*size*1.3 + 4)
}

// lineCount estimates how many lines text takes when wrapped at word
// boundaries in a width of characters. It errs on the side of more lines:
// the estimate holds for Calibri and for the wider fonts LibreOffice falls
// back to.
func lineCount(text string, width, size float64) int {
	perLine := max(1, width*1.05*11/size)
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		n := 1
		used := 0
		for _, w := range strings.Fields(para) {
			l := utf8.RuneCountInString(w)
			switch {
			case used == 0:
				used = l
			case float64(used+1+l) <= perLine:
				used += 1 + l
			default:
				n++
				used = l
			}
			for float64(used) > perLine { // a word longer than the line
				n++
				used -= int(perLine)
			}
		}
		lines += n
	}
	return lines
}

// autoFilter adds a filter to a header row. excelize replaces the sheet
// properties when it does, so fitting the page to its width is set again.
func (b *book) autoFilter(sheet, ref string) {
	b.check(b.f.AutoFilter(sheet, ref, nil))
	b.check(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}))
}

// Page geometry of A4 with the margins of printSetup, in points.
const (
	a4Long, a4Short   = 841.9, 595.3
	marginSide        = 0.5 * 72
	marginTopBottom   = 0.7 * 72
	defaultRowHeight  = 15.0
	pointsPerCharUnit = 7 * 0.75 // a character of width is 7 px of the default font
)

// pageRows is the height in points of the content that fits on one
// printed page of a sheet with these columns, after fitting it to the
// page width.
func pageRows(cols []column, portrait bool) float64 {
	_, h := pageSize(portrait)
	return (h - 2*marginTopBottom) / fitScale(cols, portrait)
}

// fitScale is how much a sheet with these columns is shrunk to fit the
// printed page's width (1 when it fits as it is).
func fitScale(cols []column, portrait bool) float64 {
	w, _ := pageSize(portrait)
	width := 0.0
	for _, c := range cols {
		width += c.width*pointsPerCharUnit + 5*0.75
	}
	return min(1, (w-2*marginSide)/width)
}

// minPrintScale is the smallest scale a sheet is shrunk to for printing:
// at 70 % the 11 pt text prints at under 8 pt, about the smallest that
// reads comfortably. A wider sheet prints across pages instead.
const minPrintScale = 0.7

func pageSize(portrait bool) (w, h float64) {
	if portrait {
		return a4Short, a4Long
	}
	return a4Long, a4Short
}

// pageFlow places blocks of rows on printed pages: a block that does not
// fit on what is left of the page starts a new one, so that a table, a
// chart or a group is not split when it need not be. Heights are
// estimates in Excel's metrics; LibreOffice lays out a little smaller.
type pageFlow struct {
	b     *book
	sheet string
	page  float64 // content height of a page, less repeated header rows
	y     float64 // used on the current page
}

func (b *book) newFlow(sheet string, cols []column, portrait bool, titleRows float64) *pageFlow {
	return &pageFlow{b: b, sheet: sheet, page: pageRows(cols, portrait) - titleRows}
}

// block accounts for rows from to to; keep is how much of the block's
// start (in points) must share a page. A break goes before from when the
// kept part does not fit.
func (p *pageFlow) block(from, to int, keep float64) {
	h := p.b.heightOf(p.sheet, from, to)
	keep = min(max(keep, 0), h)
	if keep <= 0 || h <= p.page {
		keep = h
	}
	if p.y > 0 && p.y+keep > p.page {
		p.b.check(p.b.f.InsertPageBreak(p.sheet, cell(1, from)))
		p.y = 0
	}
	p.y += h
	for p.y > p.page {
		p.y -= p.page
	}
}

// fits says whether h points more fit on what is left of the page; an
// empty page takes anything.
func (p *pageFlow) fits(h float64) bool {
	return p.y == 0 || p.y+h <= p.page
}

// add accounts for h points placed on the current page.
func (p *pageFlow) add(h float64) {
	p.y += h
	for p.y > p.page {
		p.y -= p.page
	}
}

// breakBefore starts a new page at row.
func (p *pageFlow) breakBefore(row int) {
	if p.y > 0 {
		p.b.check(p.b.f.InsertPageBreak(p.sheet, cell(1, row)))
	}
	p.y = 0
}

// heightOf sums the heights of rows from to to.
func (b *book) heightOf(sheet string, from, to int) float64 {
	sum := 0.0
	for r := from; r <= to; r++ {
		h, err := b.f.GetRowHeight(sheet, r)
		b.check(err)
		sum += h
	}
	return sum
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// colorScale is the 3-colour scale of the score cells: fixed at 0, 50 and
// 100 so that the same colour means the same score in every table.
func colorScale() []excelize.ConditionalFormatOptions {
	return []excelize.ConditionalFormatOptions{{
		Type: "3_color_scale", Criteria: "=",
		MinType: "num", MinValue: "0", MinColor: "#" + scaleLow,
		MidType: "num", MidValue: "50", MidColor: "#" + scaleMid,
		MaxType: "num", MaxValue: "100", MaxColor: "#" + scaleHigh,
	}}
}

// docProps sets the document properties; dates come from now so that the
// file is the same whenever SOURCE_DATE_EPOCH is.
func (b *book) docProps(title, subject, description, toolVersion string, now time.Time) {
	stamp := now.UTC().Format(time.RFC3339)
	b.check(b.f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: subject, Description: description,
		Creator: "sirkel " + toolVersion, LastModifiedBy: "sirkel " + toolVersion,
		Keywords: "sirkulær økonomi; egenvurdering; KS", Language: "nb-NO",
		Created: stamp, Modified: stamp,
	}))
	b.check(b.f.SetAppProps(&excelize.AppProperties{Application: "sirkel"}))
}

// norDate writes a date the Norwegian way: 20. november 2026.
func norDate(t time.Time) string {
	months := [...]string{"januar", "februar", "mars", "april", "mai", "juni", "juli",
		"august", "september", "oktober", "november", "desember"}
	return fmt.Sprintf("%d. %s %d", t.Day(), months[t.Month()-1], t.Year())
}
