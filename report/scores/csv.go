package scores

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/sirkel/sirkel/assessment"
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
type CSVWriter struct {
	w           *csv.Writer
	areas       []string
	spreadsheet bool
}

// NewCSVWriter writes the header of a plain CSV for the questionnaire's
// areas.
func NewCSVWriter(w io.Writer, q *assessment.Questionnaire) *CSVWriter {
	c := &CSVWriter{w: csv.NewWriter(w)}
	head := []string{"file", "kommunenummer", "name", "total", "level", "coverage"}
	for _, a := range q.Areas {
		c.areas = append(c.areas, a.ID)
		head = append(head, a.ID)
	}
	_ = c.w.Write(append(head, "uncertain", "next_window"))
	return c
}

// NewSpreadsheetCSVWriter writes the byte order mark and the header of
// the spreadsheet dialect for the questionnaire's areas.
func NewSpreadsheetCSVWriter(w io.Writer, q *assessment.Questionnaire) *CSVWriter {
	_, _ = io.WriteString(w, "\uFEFF")
	c := &CSVWriter{w: csv.NewWriter(w), spreadsheet: true}
	c.w.Comma, c.w.UseCRLF = ';', true
	head := []string{"Fil", "Kommunenummer", "Kommune", "Totalskår", "Nivå", "Dekning (%)", "Usikker", "Neste anledning"}
	for _, a := range q.Areas {
		c.areas = append(c.areas, a.ID)
		head = append(head, SafeCSV(a.Name.String()))
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
		row[4] = SafeCSV(r.Level.Name())
	}
	next := NextWindow(r)
	tail := []string{strconv.FormatBool(r.Uncertain), ""}
	if next != nil {
		tail[1] = next.Month.String()
	}
	if c.spreadsheet {
		tail[0] = yesNo(r.Uncertain)
		if len(r.Gaps) > 0 {
			tail[1] = SafeCSV(WindowText(r.Questionnaire, next, false))
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

func yesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nei"
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
