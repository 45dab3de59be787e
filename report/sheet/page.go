package sheet

// Page geometry of A4 with the margins of PrintSetup, in points.
const (
	a4Long, a4Short   = 841.9, 595.3
	marginSide        = 0.5 * 72
	marginTopBottom   = 0.7 * 72
	pointsPerCharUnit = 7 * 0.75 // a character of width is 7 px of the default font
)

// DefaultRowHeight is the height in points of a row of one line, which
// every sheet sets explicitly (see PrintSetup).
const DefaultRowHeight = 15.0

// MinPrintScale is the smallest scale a sheet is shrunk to for printing:
// at 70 % the 11 pt text prints at under 8 pt, about the smallest that
// reads comfortably. A wider sheet should print across pages instead
// (Setup.Wide).
const MinPrintScale = 0.7

// PageHeight is the height in points of the content that fits on one
// printed page of a sheet with these columns, after fitting it to the
// page width.
func PageHeight(cols []Column, portrait bool) float64 {
	_, h := pageSize(portrait)
	return (h - 2*marginTopBottom) / FitScale(cols, portrait)
}

// FitScale is how much a sheet with these columns is shrunk to fit the
// printed page's width (1 when it fits as it is).
func FitScale(cols []Column, portrait bool) float64 {
	w, _ := pageSize(portrait)
	width := 0.0
	for _, c := range cols {
		width += c.Width*pointsPerCharUnit + 5*0.75
	}
	return min(1, (w-2*marginSide)/width)
}

func pageSize(portrait bool) (w, h float64) {
	if portrait {
		return a4Short, a4Long
	}
	return a4Long, a4Short
}

// PageFlow places blocks of rows on printed pages: a block that does not
// fit on what is left of the page starts a new one, so that a table, a
// chart or a group is not split when it need not be. Heights are
// estimates in Excel's metrics; LibreOffice lays out a little smaller.
type PageFlow struct {
	b     *Book
	sheet string
	page  float64 // content height of a page, less repeated header rows
	y     float64 // used on the current page
}

// NewFlow starts placing the rows of a sheet with these columns on
// pages, of which titleRows points (header rows repeated on every page)
// are taken.
func (b *Book) NewFlow(sheet string, cols []Column, portrait bool, titleRows float64) *PageFlow {
	return &PageFlow{b: b, sheet: sheet, page: PageHeight(cols, portrait) - titleRows}
}

// Block accounts for rows from to to; keep is how much of the block's
// start (in points) must share a page. A break goes before from when the
// kept part does not fit.
func (p *PageFlow) Block(from, to int, keep float64) {
	h := p.b.HeightOf(p.sheet, from, to)
	keep = min(max(keep, 0), h)
	if keep <= 0 || h <= p.page {
		keep = h
	}
	if p.y > 0 && p.y+keep > p.page {
		p.b.Check(p.b.File.InsertPageBreak(p.sheet, Cell(1, from)))
		p.y = 0
	}
	p.Add(h)
}

// Fits says whether h points more fit on what is left of the page; an
// empty page takes anything.
func (p *PageFlow) Fits(h float64) bool {
	return p.y == 0 || p.y+h <= p.page
}

// Add accounts for h points placed on the current page.
func (p *PageFlow) Add(h float64) {
	p.y += h
	for p.y > p.page {
		p.y -= p.page
	}
}

// BreakBefore starts a new page at row.
func (p *PageFlow) BreakBefore(row int) {
	if p.y > 0 {
		p.b.Check(p.b.File.InsertPageBreak(p.sheet, Cell(1, row)))
	}
	p.y = 0
}

// HeightOf sums the heights of rows from to to.
func (b *Book) HeightOf(sheet string, from, to int) float64 {
	sum := 0.0
	for r := from; r <= to; r++ {
		h, err := b.File.GetRowHeight(sheet, r)
		b.Check(err)
		sum += h
	}
	return sum
}
