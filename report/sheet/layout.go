package sheet

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Column is one column of a sheet: its header and width in characters.
type Column struct {
	Title string
	Width float64
}

// Setup is how a sheet is laid out and printed.
type Setup struct {
	Name       string
	Cols       []Column
	HeaderRows int  // rows to freeze and repeat on every printed page
	FreezeCols int  // columns to freeze
	Portrait   bool // else landscape
	NoGrid     bool // hide gridlines (a sheet that reads like a page)
	// Wide sheets (thousands of columns) print across pages at full
	// size instead of being shrunk to one page width.
	Wide bool
	// TitleCols are columns repeated on every printed page of a wide
	// sheet, so that each page says what its rows are.
	TitleCols int
	// NoRepeat keeps the header rows frozen on the screen but does not
	// repeat them on printed pages (a short table with a chart below).
	NoRepeat bool
	// PrintFrom and PrintTo limit the printout to these columns (1-based;
	// 0 means the first or the last): columns that only matter on the
	// screen, like ids and file names, would only shrink the print.
	PrintFrom, PrintTo int
}

// AddSheet creates a sheet (the first call renames the default one) and
// sets it up.
func (b *Book) AddSheet(s Setup) {
	b.NewSheet(s.Name)
	b.SetUp(s)
}

// NewSheet adds a sheet, reusing the empty default sheet for the first.
func (b *Book) NewSheet(name string) {
	if b.File.SheetCount == 1 && b.File.GetSheetName(0) == "Sheet1" {
		b.Check(b.File.SetSheetName("Sheet1", name))
		return
	}
	_, err := b.File.NewSheet(name)
	b.Check(err)
}

// SetUp applies column widths, frozen panes and print settings to a
// sheet that exists.
func (b *Book) SetUp(s Setup) {
	for _, r := range widthRuns(s.Cols) {
		b.Check(b.File.SetColWidth(s.Name, ColName(r.from), ColName(r.to), r.width))
	}
	if s.HeaderRows > 0 || s.FreezeCols > 0 {
		b.Check(b.File.SetPanes(s.Name, panes(s)))
	}
	b.PrintSetup(s)
}

// widthRun is a range of adjacent columns of the same width.
type widthRun struct {
	from, to int // 1-based, inclusive
	width    float64
}

// widthRuns groups columns by width: excelize merges column ranges on
// every call, so setting thousands of columns one by one is quadratic.
func widthRuns(cols []Column) []widthRun {
	var runs []widthRun
	for i, c := range cols {
		if n := len(runs); n > 0 && runs[n-1].width == c.Width && runs[n-1].to == i {
			runs[n-1].to = i + 1
			continue
		}
		runs = append(runs, widthRun{i + 1, i + 1, c.Width})
	}
	return runs
}

func panes(s Setup) *excelize.Panes {
	topLeft, _ := excelize.CoordinatesToCellName(s.FreezeCols+1, s.HeaderRows+1)
	pane := "bottomLeft"
	switch {
	case s.FreezeCols > 0 && s.HeaderRows > 0:
		pane = "bottomRight"
	case s.FreezeCols > 0:
		pane = "topRight"
	}
	return &excelize.Panes{Freeze: true, XSplit: s.FreezeCols, YSplit: s.HeaderRows,
		TopLeftCell: topLeft, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: pane}}}
}

// PrintSetup makes a sheet print on A4 fitted to the page width, with the
// header rows repeated and the book's header and footer and page numbers
// on every page.
func (b *Book) PrintSetup(s Setup) {
	orient := "landscape"
	if s.Portrait {
		orient = "portrait"
	}
	layout := &excelize.PageLayoutOptions{
		Size: new(9), Orientation: &orient, FitToWidth: new(1), FitToHeight: new(0),
	}
	if s.Wide {
		// All of the rows' first columns, then the next columns: the
		// table reads page by page to the right, and what stands below
		// it (a chart) comes last.
		layout.PageOrder = new("overThenDown")
	}
	b.Check(b.File.SetPageLayout(s.Name, layout))
	// A fixed default row height makes LibreOffice lay rows out as Excel
	// does, so that row heights and page breaks come out the same.
	b.Check(b.File.SetSheetProps(s.Name, &excelize.SheetPropsOptions{FitToPage: new(!s.Wide),
		DefaultRowHeight: new(DefaultRowHeight), CustomHeight: new(true)}))
	b.Check(b.File.SetPageMargins(s.Name, &excelize.PageLayoutMarginsOptions{
		Left: new(marginSide / 72), Right: new(marginSide / 72), Top: new(marginTopBottom / 72), Bottom: new(marginTopBottom / 72),
		Header: new(0.3), Footer: new(0.3), Horizontally: new(false),
	}))
	b.Check(b.File.SetHeaderFooter(s.Name, &excelize.HeaderFooterOptions{
		OddHeader: headerText("&L&\"Calibri,Bold\"", b.header, "&R&A"),
		OddFooter: headerText("&L", b.footer, "&R"+b.p.T("sheet-page-footer", "Page", "&P", "Pages", "&N")),
	}))
	if s.NoGrid {
		b.Check(b.File.SetSheetView(s.Name, 0, &excelize.ViewOptions{ShowGridLines: new(false)}))
	}
	var titles []string
	if s.TitleCols > 0 {
		titles = append(titles, fmt.Sprintf("%s!$A:$%s", QuoteSheet(s.Name), ColName(s.TitleCols)))
	}
	if s.HeaderRows > 0 && !s.NoRepeat {
		titles = append(titles, fmt.Sprintf("%s!$1:$%d", QuoteSheet(s.Name), s.HeaderRows))
	}
	if len(titles) > 0 {
		b.Check(b.File.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: s.Name, RefersTo: strings.Join(titles, ","),
		}))
	}
	if s.PrintFrom > 0 || s.PrintTo > 0 {
		from, to := max(s.PrintFrom, 1), s.PrintTo
		if to == 0 {
			to = len(s.Cols)
		}
		b.Check(b.File.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Area", Scope: s.Name,
			RefersTo: fmt.Sprintf("%s!$%s:$%s", QuoteSheet(s.Name), ColName(from), ColName(to)),
		}))
	}
}

// maxHeaderText is Excel's limit on a page header or footer.
const maxHeaderText = 255

// headerText builds a page header or footer around user text: «&» starts
// a control code there, so it is doubled, and the whole must stay within
// Excel's 255 characters.
func headerText(prefix, text, suffix string) string {
	room := maxHeaderText - utf8.RuneCountInString(prefix+suffix)
	// Half the room, since doubling every «&» may double the length.
	text = strings.ReplaceAll(Truncate(text, room/2), "&", "&&")
	return prefix + text + suffix
}

// AutoFilter adds a filter to a header row. excelize replaces the sheet
// properties when it does, so fitting the page to its width is set again.
func (b *Book) AutoFilter(sheet, ref string) {
	b.Check(b.File.AutoFilter(sheet, ref, nil))
	b.Check(b.File.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: new(true)}))
}

// Stream starts a streamed sheet, for tables too large to build cell by
// cell: widths and panes go through the stream writer, everything else
// (print setup, conditional formats, filters, charts) must be set on the
// sheet before the writer is made. It returns nil after an error.
//
// A long run of equal columns (a municipality each, say) becomes the
// sheet's default width instead: excelize keeps one entry per column it
// is given a width for, and then scans them all for every cell it writes.
func (b *Book) Stream(s Setup) *excelize.StreamWriter {
	runs := widthRuns(s.Cols)
	if i := slices.IndexFunc(runs, func(r widthRun) bool { return r.to-r.from >= 50 }); i >= 0 {
		b.Check(b.File.SetSheetProps(s.Name, &excelize.SheetPropsOptions{DefaultColWidth: new(runs[i].width)}))
		runs = slices.Delete(runs, i, i+1)
	}
	sw, err := b.File.NewStreamWriter(s.Name)
	if err != nil {
		b.Check(err)
		return nil
	}
	for _, r := range runs {
		b.Check(sw.SetColWidth(r.from, r.to, r.width))
	}
	if s.HeaderRows > 0 || s.FreezeCols > 0 {
		b.Check(sw.SetPanes(panes(s)))
	}
	return sw
}

// StreamRow writes one row of cells; a nil stream writer (after an
// error) writes nothing. Text is cut to what a cell holds.
func (b *Book) StreamRow(sw *excelize.StreamWriter, row int, cells []any, opts ...excelize.RowOpts) {
	if sw == nil || b.err != nil {
		return
	}
	for i, v := range cells {
		if cl, ok := v.(excelize.Cell); ok {
			if s, ok := cl.Value.(string); ok {
				cl.Value = Truncate(s, maxCellText)
				cells[i] = cl
			}
		}
	}
	b.Check(sw.SetRow(Cell(1, row), cells, opts...))
}
