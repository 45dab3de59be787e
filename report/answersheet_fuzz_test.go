package report

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment"
)

// FuzzOpenAnswerSheet: whatever bytes arrive as an .xlsx, reading them
// never panics, and a refusal always says something.
func FuzzOpenAnswerSheet(f *testing.F) {
	data, err := os.ReadFile("../testdata/mini-questionnaire.yaml")
	if err != nil {
		f.Fatal(err)
	}
	q, ds := assessment.ParseQuestionnaire("mini.yaml", data)
	if ds.HasErrors() {
		f.Fatal(ds)
	}
	var blank bytes.Buffer
	if err := WriteAnswerSheet(&blank, q, TemplateOptions{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)}); err != nil {
		f.Fatal(err)
	}
	f.Add(blank.Bytes())
	f.Add([]byte("PK\x03\x04not a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := OpenAnswerSheet("svarskjema.xlsx", data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("refused without a message")
			}
			return
		}
		if s.Questionnaire().ID != q.ID {
			return
		}
		c, cds := s.Answers(q).Check(q, assessment.CheckOptions{})
		ds := s.Diagnostics(cds)
		for _, d := range ds {
			if d.Message == "" {
				t.Fatalf("diagnostic without message: %#v", d)
			}
		}
		if !ds.HasErrors() {
			assessment.Evaluate(c)
		}
	})
}
