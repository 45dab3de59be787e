package sheet

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// maxCellText is Excel's limit on the text of a cell.
const maxCellText = 32767

// Cell returns the A1 name of a 1-based column and row.
func Cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// ColName returns the letters of a 1-based column.
func ColName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// QuoteSheet quotes a sheet's name for a reference such as 'Svar'!$A:$B.
func QuoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// Truncate cuts s to n characters, the last of them «…».
func Truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// Set writes one value with a style (0: none). Strings always stay text:
// excelize writes them as strings, never as formulas, so «=HYPERLINK(…)»
// in a comment is shown as typed.
func (b *Book) Set(sheet string, col, row int, v any, style int) {
	ref := Cell(col, row)
	if s, ok := v.(string); ok {
		v = Truncate(s, maxCellText)
	}
	b.Check(b.File.SetCellValue(sheet, ref, v))
	if style != 0 {
		b.Check(b.File.SetCellStyle(sheet, ref, ref, style))
	}
}

// HeaderRow writes the columns' titles as a table header row.
func (b *Book) HeaderRow(sheet string, row int, cols []Column, style int) {
	for i, c := range cols {
		b.Set(sheet, i+1, row, c.Title, style)
	}
}

// Merged writes a text into the cells from col to toCol, merged, and makes
// the row tall enough for the text wrapped in width characters at a font
// size: no spreadsheet program grows a merged row by itself.
func (b *Book) Merged(sheet string, row, col, toCol int, text string, style int, width float64, size float64) {
	b.Set(sheet, col, row, text, style)
	if toCol > col {
		b.Check(b.File.MergeCell(sheet, Cell(col, row), Cell(toCol, row)))
		b.Check(b.File.SetCellStyle(sheet, Cell(col, row), Cell(toCol, row), style))
	}
	b.fitRow(sheet, row, text, width, size)
}

// fitRow sets a row's height for text wrapped in a width of characters at
// a font size, if that is taller than the row already is.
func (b *Book) fitRow(sheet string, row int, text string, width, size float64) {
	h := TextHeight(text, width, size)
	cur, err := b.File.GetRowHeight(sheet, row)
	b.Check(err)
	if h > cur {
		b.Check(b.File.SetRowHeight(sheet, row, h))
	}
}

// FitCells sets the height of a table row from the wrapped strings in it:
// neither Excel nor LibreOffice reliably grows rows of a generated file.
func (b *Book) FitCells(sheet string, row int, cols []Column, vals []any) {
	if h := CellsHeight(cols, vals); h > DefaultRowHeight {
		b.Check(b.File.SetRowHeight(sheet, row, h))
	}
}

// CellsHeight is the height in points that FitCells gives a row of these
// values, by column: the default height when every text fits on one line.
func CellsHeight(cols []Column, vals []any) float64 {
	lines := 1
	for i, v := range vals {
		if s, ok := v.(string); ok && i < len(cols) {
			lines = max(lines, cellLines(cols[i], s))
		}
	}
	return rowHeight(lines)
}

// FitRowOpts is what FitCells does for a streamed row, whose height must
// be given as it is written: texts are the row's wrapped strings by
// column index.
func FitRowOpts(cols []Column, texts map[int]string) excelize.RowOpts {
	lines := 1
	for i, t := range texts {
		lines = max(lines, cellLines(cols[i], t))
	}
	if lines == 1 {
		return excelize.RowOpts{}
	}
	return excelize.RowOpts{Height: rowHeight(lines)}
}

// cellLines is how many lines a text takes in a table cell of the column,
// which keeps a character's width free for its padding.
func cellLines(col Column, text string) int { return lineCount(text, col.Width-1, 11) }

// rowHeight is the height of a table row of lines of 11 pt text.
func rowHeight(lines int) float64 {
	if lines == 1 {
		return DefaultRowHeight
	}
	return linesHeight(lines, 11)
}

// TextHeight estimates the height in points of text wrapped in a column
// width (in characters of the default 11 pt font) at a font size.
func TextHeight(text string, width, size float64) float64 {
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
