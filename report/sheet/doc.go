// Package sheet holds what sirkel's workbooks share, whatever they hold:
// a Book that builds a workbook and keeps the first error, the house
// styles and colours, sheets laid out for the screen and printed on A4
// (frozen headers, repeated titles, page breaks that keep a table or a
// group together), and row heights estimated from the text in them.
//
// The estimates are needed because neither Excel nor LibreOffice fits a
// row to wrapped text when it opens a generated file; they err on the
// tall side, since a cut-off line is worse than some white space.
package sheet
