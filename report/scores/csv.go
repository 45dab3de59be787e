package scores

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/sirkel/sirkel/assessment"
)

// CSVWriter writes one row per municipality: file, kommunenummer, name,
// total, level, coverage, then one column per area.
type CSVWriter struct {
	w     *csv.Writer
	q     *assessment.Questionnaire
	areas []string
}

// NewCSVWriter writes the header for the questionnaire's areas.
func NewCSVWriter(w io.Writer, q *assessment.Questionnaire) *CSVWriter {
	c := &CSVWriter{w: csv.NewWriter(w), q: q}
	head := []string{"file", "kommunenummer", "name", "total", "level", "coverage"}
	for _, a := range q.Areas {
		c.areas = append(c.areas, a.ID)
		head = append(head, a.ID)
	}
	_ = c.w.Write(head)
	return c
}

// Add writes one row; areas are matched by id, so results checked against
// another version of the questionnaire line up.
func (c *CSVWriter) Add(file string, r *assessment.Result) {
	row := []string{SafeCSV(file), SafeCSV(r.Answers.Municipality.Number), SafeCSV(r.Answers.Municipality.Name),
		csvNum(r.Total), "", csvNum(r.Coverage)}
	if r.Level != nil {
		row[4] = SafeCSV(r.Level.Name())
	}
	for _, id := range c.areas {
		cell := ""
		for _, ar := range r.Areas {
			if ar.Area.ID == id {
				cell = csvNum(ar.Score)
			}
		}
		row = append(row, cell)
	}
	_ = c.w.Write(row)
}

// Close flushes the CSV.
func (c *CSVWriter) Close() error {
	c.w.Flush()
	return c.w.Error()
}

func csvNum(s assessment.Score) string {
	if !s.Defined {
		return ""
	}
	return strconv.FormatFloat(s.Value, 'f', -1, 64)
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
