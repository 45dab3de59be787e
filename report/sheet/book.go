package sheet

import (
	"archive/zip"
	"compress/flate"
	"io"
	"sync"
	"time"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/xuri/excelize/v2"
)

// Colours of the workbooks, for the styles and charts other packages
// add. Text in them keeps good contrast (WCAG AA) on white and on the
// light fills.
const (
	ColorInk    = "1F1F1F"
	ColorNavy   = "1F3864" // headings
	ColorHeader = "1F4E79" // table header fill, white text on it
	ColorMuted  = "595959"
	ColorLine   = "BFBFBF" // the thin rule under table cells
)

// Light fills of the shared styles.
const (
	colorBand    = "DDEBF7" // group headings
	colorMissing = "FBE5D6" // a missing value, always together with a text
)

// Book wraps an excelize file with the styles every sheet shares, and
// remembers the first error, so that the code that fills a sheet reads
// as a list of cells rather than a list of error checks: the caller
// checks Err once before writing the file.
type Book struct {
	// File is the workbook; pass what its methods return to Check.
	File   *excelize.File
	Styles Styles
	err    error
	// header is the text in every page header (a municipality's name,
	// say), footer the text in every page footer.
	header, footer string
	// p speaks the book's language, in its page footers and properties.
	p *lang.Printer
}

// NewIn starts a workbook in language l whose printed pages carry header
// and footer.
func NewIn(l lang.Lang, header, footer string) *Book {
	b := &Book{File: excelize.NewFile(), header: header, footer: footer, p: lang.For(l)}
	b.File.SetZipWriter(fastZip)
	b.Styles = b.newStyles()
	return b
}

// fastZip compresses the workbook's parts at flate.BestSpeed: for a
// comparison of 10,000 municipalities compression is a fifth of the
// writing time, and the file grows by only a little.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw := flateWriters.Get().(*flate.Writer)
		fw.Reset(out)
		return &pooledFlate{fw}, nil
	})
	return zw
}

// flateWriters are reused for the parts of all workbooks: a new one costs
// ~1 MB, and a report has some 25 parts, which made the compressors three
// quarters of the memory a report allocated.
var flateWriters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed) // BestSpeed is a valid level
	return fw
}}

// pooledFlate goes back to the pool when the zip writer closes it.
type pooledFlate struct{ *flate.Writer }

func (p *pooledFlate) Close() error {
	err := p.Writer.Close()
	flateWriters.Put(p.Writer)
	p.Writer = nil
	return err
}

// Check keeps err if it is the first error.
func (b *Book) Check(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// Err is the first error met while building the workbook.
func (b *Book) Err() error { return b.err }

// Style adds a cell style and returns its id (0 after an error).
func (b *Book) Style(s *excelize.Style) int {
	id, err := b.File.NewStyle(s)
	b.Check(err)
	return id
}

// Styles are the cell styles every workbook has, by role. The number
// formats show numbers as the reader expects them; the value in the cell
// keeps every decimal.
type Styles struct {
	Title, Subtitle, Heading, Note int
	// Table headers: white on dark blue.
	Header, HeaderCenter int
	// Table cells, with a thin rule below.
	Text, TextBold, TextCenter, TextMuted int
	OneDecimal, OneDecimalBold            int // 12.3
	SignedOneDecimal                      int // +1.5, −0.5 (a change)
	TwoDecimals                           int // 0.75
	Percent                               int // 80 %
	Number                                int // up to two decimals: 2, 2.5, 2.25
	Integer                               int
	// Large figures of a summary, each under a label in BigLabel.
	BigOneDecimal, BigPercent, BigText, BigLabel int
	// Paragraph is running text without a rule, for prose.
	Paragraph int
	// Missing marks a missing value in colour; the cell says so in words.
	Missing int
	// Band and BandNote head a group of rows.
	Band, BandNote int
	// Indented a little, for a column of text that would otherwise run
	// on from the one to its left.
	HeaderIndent, TextIndent int
}

// newStyles adds the shared styles. The order in which they are added
// decides their ids in the file; it is kept, so that the same inputs
// give the same file.
func (b *Book) newStyles() Styles {
	thin := []excelize.Border{{Type: "bottom", Color: ColorLine, Style: 1}}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "top"}
	font := func(size float64, bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: "Calibri", Size: size, Bold: bold, Color: color}
	}
	return Styles{
		Title:    b.Style(&excelize.Style{Font: font(18, true, ColorNavy)}),
		Subtitle: b.Style(&excelize.Style{Font: font(11, false, ColorMuted), Alignment: wrapTop}),
		Heading: b.Style(&excelize.Style{Font: font(13, true, ColorNavy),
			Border: []excelize.Border{{Type: "bottom", Color: ColorNavy, Style: 2}}, Alignment: &excelize.Alignment{Vertical: "bottom"}}),
		Note: b.Style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 10, Italic: true, Color: ColorMuted}, Alignment: wrapTop}),
		Header: b.Style(&excelize.Style{Font: font(11, true, "FFFFFF"), Fill: Solid(ColorHeader),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}}),
		HeaderCenter: b.Style(&excelize.Style{Font: font(11, true, "FFFFFF"), Fill: Solid(ColorHeader),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}}),
		Text:       b.Style(&excelize.Style{Font: font(11, false, ColorInk), Alignment: wrapTop, Border: thin}),
		TextBold:   b.Style(&excelize.Style{Font: font(11, true, ColorInk), Alignment: wrapTop, Border: thin}),
		TextCenter: b.Style(&excelize.Style{Font: font(11, false, ColorInk), Alignment: center, Border: thin}),
		TextMuted:  b.Style(&excelize.Style{Font: font(11, false, ColorMuted), Alignment: wrapTop, Border: thin}),
		OneDecimal: b.Style(&excelize.Style{Font: font(11, false, ColorInk), Alignment: center, Border: thin,
			CustomNumFmt: new("0.0")}),
		OneDecimalBold: b.Style(&excelize.Style{Font: font(11, true, ColorInk), Alignment: center, Border: thin,
			CustomNumFmt: new("0.0")}),
		SignedOneDecimal: b.Style(&excelize.Style{Font: font(11, false, ColorInk), Alignment: center, Border: thin,
			CustomNumFmt: new(SignedOneDecimalFormat)}),
		Percent: b.Style(&excelize.Style{Font: font(11, false, ColorInk), Alignment: center, Border: thin,
			CustomNumFmt: new("0 %")}),
		TwoDecimals: b.Style(&excelize.Style{Font: font(11, false, ColorInk), Alignment: center, Border: thin,
			CustomNumFmt: new("0.00")}),
		Number: b.Style(&excelize.Style{Font: font(11, false, ColorInk), Alignment: center, Border: thin,
			CustomNumFmt: new("0.##")}),
		Integer: b.Style(&excelize.Style{Font: font(11, false, ColorInk), Alignment: center, Border: thin, NumFmt: 1}),
		BigOneDecimal: b.Style(&excelize.Style{Font: font(26, true, ColorNavy), CustomNumFmt: new("0.0"),
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}),
		BigPercent: b.Style(&excelize.Style{Font: font(26, true, ColorNavy), CustomNumFmt: new("0 %"),
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}),
		BigText: b.Style(&excelize.Style{Font: font(20, true, ColorNavy),
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}),
		BigLabel:  b.Style(&excelize.Style{Font: font(11, true, ColorMuted), Alignment: &excelize.Alignment{Vertical: "bottom"}}),
		Paragraph: b.Style(&excelize.Style{Font: font(11, false, ColorInk), Alignment: wrapTop}),
		Missing: b.Style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Italic: true, Color: ColorInk},
			Fill: Solid(colorMissing), Alignment: wrapTop, Border: thin}),
		Band: b.Style(&excelize.Style{Font: font(12, true, ColorNavy), Fill: Solid(colorBand),
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}),
		BandNote: b.Style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 10, Italic: true, Color: ColorInk},
			Fill: Solid(colorBand), Alignment: wrapTop}),
		HeaderIndent: b.Style(&excelize.Style{Font: font(11, true, "FFFFFF"), Fill: Solid(ColorHeader),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "left", Indent: 1}}),
		TextIndent: b.Style(&excelize.Style{Font: font(11, false, ColorInk), Border: thin,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top", Horizontal: "left", Indent: 1}}),
	}
}

// SignedOneDecimalFormat is the number format of a change: a sign, and a
// real minus rather than a hyphen.
const SignedOneDecimalFormat = `+0.0;"−"0.0;0.0`

// Solid is a fill of one colour.
func Solid(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

// DocProps sets the document properties; the dates come from now, so
// that the file is the same whenever SOURCE_DATE_EPOCH is.
func (b *Book) DocProps(title, subject, description, toolVersion string, now time.Time) {
	stamp := now.UTC().Format(time.RFC3339)
	b.Check(b.File.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: subject, Description: description,
		Creator: "sirkel " + toolVersion, LastModifiedBy: "sirkel " + toolVersion,
		Keywords: b.p.T("sheet-keywords"), Language: string(b.p.Lang()) + "-NO",
		Created: stamp, Modified: stamp,
	}))
	b.Check(b.File.SetAppProps(&excelize.AppProperties{Application: "sirkel"}))
}
