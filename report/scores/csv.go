package scores

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// CSVWriter writes one row per municipality, in one of two dialects.
//
// The plain CSV is for programs: comma, decimal point, unrounded numbers,
// coverage 0–1, and the columns file, kommunenummer, name, total, level,
// coverage, one per area (by id), uncertain (true/false) and next_window
// (the earliest next window among the top gaps, 2027-12; empty when
// none is known). Columns are only ever added at the end.
//
// The spreadsheet dialect (NewSpreadsheetCSVWriter) opens as it is in
// Norwegian Excel and LibreOffice: UTF-8 with a byte order mark,
// semicolons, CRLF, scores with one decimal and a decimal comma, coverage
// in whole per cent, «ja»/«nei», the next window as text, and Norwegian
// headers: Fil, Kommunenummer, Kommune, Totalskår, Nivå, Dekning (%),
// Usikker, Neste anledning, then the areas by name. A kommunenummer with
// a leading zero (Oslo, 0301) is read as the number 301 by both.
//
// Words (the spreadsheet's headers, level and area names, months) are in
// the language of the CSVOptions; the plain CSV's headers are ids and
// stay as they are.
type CSVWriter struct {
	w           *csv.Writer
	p           *lang.Printer
	areas       []string
	spreadsheet bool
}

// CSVOptions tune the CSV writers.
type CSVOptions struct {
	// Lang is the written standard of the words; the zero value is
	// bokmål.
	Lang lang.Lang
}

// NewCSVWriter writes the header of a plain CSV for the questionnaire's
// areas, with its words in bokmål.
func NewCSVWriter(w io.Writer, q *assessment.Questionnaire) *CSVWriter {
	return NewCSVWriterWith(w, q, CSVOptions{})
}

// NewCSVWriterWith writes the header of a plain CSV for the
// questionnaire's areas.
func NewCSVWriterWith(w io.Writer, q *assessment.Questionnaire, opt CSVOptions) *CSVWriter {
	c := &CSVWriter{w: csv.NewWriter(w), p: lang.For(opt.Lang)}
	head := []string{"file", "kommunenummer", "name", "total", "level", "coverage"}
	for _, a := range q.Areas {
		c.areas = append(c.areas, a.ID)
		head = append(head, a.ID)
	}
	_ = c.w.Write(append(head, "uncertain", "next_window"))
	return c
}

// NewSpreadsheetCSVWriter writes the byte order mark and the header of
// the spreadsheet dialect for the questionnaire's areas, in bokmål.
func NewSpreadsheetCSVWriter(w io.Writer, q *assessment.Questionnaire) *CSVWriter {
	return NewSpreadsheetCSVWriterWith(w, q, CSVOptions{})
}

// NewSpreadsheetCSVWriterWith writes the byte order mark and the header
// of the spreadsheet dialect for the questionnaire's areas.
func NewSpreadsheetCSVWriterWith(w io.Writer, q *assessment.Questionnaire, opt CSVOptions) *CSVWriter {
	_, _ = io.WriteString(w, "\uFEFF")
	p := lang.For(opt.Lang)
	c := &CSVWriter{w: csv.NewWriter(w), p: p, spreadsheet: true}
	c.w.Comma, c.w.UseCRLF = ';', true
	head := []string{p.T("csv-file"), p.T("csv-number"), p.T("csv-name"), p.T("csv-total"), p.T("csv-level"),
		p.T("csv-coverage"), p.T("csv-uncertain"), p.T("csv-next")}
	for _, a := range q.Areas {
		c.areas = append(c.areas, a.ID)
		head = append(head, SafeCSV(a.Name.Localize(p)))
	}
	_ = c.w.Write(head)
	return c
}

// Add writes one row; areas are matched by id, so results checked against
// another version of the questionnaire line up.
func (c *CSVWriter) Add(file string, r *assessment.Result) {
	m := r.Answers.Municipality
	row := []string{SafeCSV(file), SafeCSV(m.Number), SafeCSV(m.Name), c.score(r.Total), "", c.share(r.Coverage)}
	if r.Level != nil {
		row[4] = SafeCSV(r.Level.Level.Name.Localize(c.p))
	}
	next := NextWindow(r)
	tail := []string{strconv.FormatBool(r.Uncertain), ""}
	if next != nil {
		tail[1] = next.Month.String()
	}
	if c.spreadsheet {
		tail[0] = c.yesNo(r.Uncertain)
		if len(r.Gaps) > 0 {
			tail[1] = SafeCSV(WindowText(c.p, r.Questionnaire, next, false))
		}
		row = append(row, tail...)
	}
	for _, id := range c.areas {
		cell := ""
		for _, ar := range r.Areas {
			if ar.Area.ID == id {
				cell = c.score(ar.Score)
			}
		}
		row = append(row, cell)
	}
	if !c.spreadsheet {
		row = append(row, tail...)
	}
	_ = c.w.Write(row)
}

// Close flushes the CSV.
func (c *CSVWriter) Close() error {
	c.w.Flush()
	return c.w.Error()
}

// score is a score for the dialect: unrounded with a decimal point, or
// with one decimal and a decimal comma; empty when undefined.
func (c *CSVWriter) score(s assessment.Score) string {
	switch {
	case !s.Defined:
		return ""
	case c.spreadsheet:
		return FormatScore(s)
	}
	return strconv.FormatFloat(s.Value, 'f', -1, 64)
}

// share is a coverage for the dialect: a share 0–1, or whole per cent.
func (c *CSVWriter) share(s assessment.Score) string {
	switch {
	case !s.Defined:
		return ""
	case c.spreadsheet:
		return strconv.FormatFloat(percent(s.Value), 'f', 0, 64)
	}
	return strconv.FormatFloat(s.Value, 'f', -1, 64)
}

func (c *CSVWriter) yesNo(b bool) string {
	if b {
		return c.p.T("csv-yes")
	}
	return c.p.T("csv-no")
}

// SafeCSV keeps a cell from being read as a formula by a spreadsheet
// (OWASP CSV injection): text starting with = + - @ or a control
// character gets a leading apostrophe. A lone «-» (stdin) is no formula.
func SafeCSV(s string) string {
	if len(s) > 1 && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
