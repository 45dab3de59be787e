package scores

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// jsonDiag is an element of "errors" and "warnings".
type jsonDiag struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func diagJSON(p *lang.Printer, d assessment.Diagnostic) jsonDiag {
	msg := d.Text(p)
	if d.Path != "" {
		msg = d.Path + ": " + msg
	}
	return jsonDiag{File: d.File, Line: d.Line, Column: d.Column, Message: msg}
}

// AnswerValue is an answer in the question's own units: a scale value or
// number, "ja"/"nei", an option id or a list of them; nil when unanswered.
func AnswerValue(qr *assessment.QuestionResult) any {
	return assessment.Units(qr.Question, qr.Value)
}

// JSONWriter streams the JSON document described in the package comment:
// results are written as they come, errors and warnings at the end.
type JSONWriter struct {
	w        *bufio.Writer
	p        *lang.Printer
	enc      *JSONEncoder // for Add
	ref      *assessment.QuestionnaireRef
	started  bool
	n        int
	errors   []jsonDiag
	warnings []jsonDiag
	err      error
}

// NewJSONWriter starts a JSON document in bokmål; fixed is the
// questionnaire given with -q (nil: the first result's).
func NewJSONWriter(w io.Writer, fixed *assessment.Questionnaire) *JSONWriter {
	return NewJSONWriterWith(w, fixed, JSONOptions{})
}

// NewJSONWriterWith starts a JSON document whose texts are in opt.Lang;
// results added encoded (AddEncoded) should come from an encoder of the
// same options.
func NewJSONWriterWith(w io.Writer, fixed *assessment.Questionnaire, opt JSONOptions) *JSONWriter {
	j := &JSONWriter{w: bufio.NewWriterSize(w, 64<<10), p: lang.For(opt.Lang), enc: NewJSONEncoderWith(opt)}
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
			j.warnings = append(j.warnings, diagJSON(j.p, d))
		} else {
			j.errors = append(j.errors, diagJSON(j.p, d))
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
