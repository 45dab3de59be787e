package report

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/sirkel/sirkel/assessment"
)

// ScoredFile is one scored answers file.
type ScoredFile struct {
	File   string
	Result *assessment.Result
}

// JSON output of «sirkel score --format json» (DESIGN §5.1).

type jsonDiag struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func diagJSON(d assessment.Diagnostic) jsonDiag {
	msg := d.Message
	if d.Path != "" {
		msg = d.Path + ": " + msg
	}
	return jsonDiag{File: d.File, Line: d.Line, Column: d.Column, Message: msg}
}

// AnswerValue is an answer in the question's own units: a scale value or
// number, "ja"/"nei", an option id or a list of them; nil when unanswered.
func AnswerValue(qr *assessment.QuestionResult) any {
	a := qr.Answer
	if a == nil {
		return nil
	}
	if a.NA {
		return "na"
	}
	switch qr.Question.EffectiveType() {
	case assessment.TypeYesNo:
		if a.Number == 1 {
			return "ja"
		}
		return "nei"
	case assessment.TypeChoice:
		return a.Options[0]
	case assessment.TypeMulti:
		return append([]string{}, a.Options...)
	case assessment.TypeText:
		return a.Text
	}
	return a.Number
}

// JSONWriter streams the JSON document of DESIGN §5.1: results are written
// as they come, errors and warnings at the end.
type JSONWriter struct {
	w        *bufio.Writer
	enc      *JSONEncoder // for Add
	ref      *assessment.QuestionnaireRef
	started  bool
	n        int
	errors   []jsonDiag
	warnings []jsonDiag
	err      error
}

// NewJSONWriter starts a JSON document; fixed is the questionnaire given
// with -q (nil: the first result's).
func NewJSONWriter(w io.Writer, fixed *assessment.Questionnaire) *JSONWriter {
	j := &JSONWriter{w: bufio.NewWriterSize(w, 64<<10), enc: NewJSONEncoder()}
	if fixed != nil {
		ref := fixed.Ref()
		j.ref = &ref
	}
	return j
}

func (j *JSONWriter) write(b []byte) {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
}

func (j *JSONWriter) start(ref *assessment.QuestionnaireRef) {
	if j.started {
		return
	}
	j.started = true
	if j.ref == nil {
		j.ref = ref
	}
	j.write([]byte("{\n  \"questionnaire\": "))
	if j.ref == nil {
		j.write([]byte("null"))
	} else {
		b, _ := json.Marshal(j.ref)
		j.write(b)
	}
	j.write([]byte(",\n  \"results\": ["))
}

// Add writes one result.
func (j *JSONWriter) Add(file string, r *assessment.Result) {
	ref := r.Questionnaire.Ref()
	j.start(&ref)
	if j.n > 0 {
		j.write([]byte(","))
	}
	j.n++
	j.write([]byte("\n    "))
	j.write(j.enc.AppendResult(nil, file, r))
}

// AddEncoded writes one result already encoded with a JSONEncoder (in
// parallel workers, say).
func (j *JSONWriter) AddEncoded(ref assessment.QuestionnaireRef, encoded []byte) {
	j.start(&ref)
	if j.n > 0 {
		j.write([]byte(","))
	}
	j.n++
	j.write([]byte("\n    "))
	j.write(encoded)
}

// AddDiagnostics records a file's errors and warnings for the end.
func (j *JSONWriter) AddDiagnostics(ds assessment.Diagnostics) {
	for _, d := range ds {
		if d.Severity == assessment.SevWarning {
			j.warnings = append(j.warnings, diagJSON(d))
		} else {
			j.errors = append(j.errors, diagJSON(d))
		}
	}
}

// Close ends the document.
func (j *JSONWriter) Close() error {
	j.start(nil)
	if j.n > 0 {
		j.write([]byte("\n  "))
	}
	j.write([]byte("],\n  \"errors\": "))
	j.writeDiags(j.errors)
	j.write([]byte(",\n  \"warnings\": "))
	j.writeDiags(j.warnings)
	j.write([]byte("\n}\n"))
	if j.err == nil {
		j.err = j.w.Flush()
	}
	return j.err
}

func (j *JSONWriter) writeDiags(ds []jsonDiag) {
	if len(ds) == 0 {
		j.write([]byte("[]"))
		return
	}
	j.write([]byte("["))
	for i, d := range ds {
		if i > 0 {
			j.write([]byte(","))
		}
		b, _ := json.Marshal(d)
		j.write([]byte("\n    "))
		j.write(b)
	}
	j.write([]byte("\n  ]"))
}

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
