package answersheet

import (
	"bytes"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/internal/fixture"
)

// FuzzOpenAnswerSheet: whatever bytes arrive as an .xlsx, reading them
// never panics, and a refusal always says something.
func FuzzOpenAnswerSheet(f *testing.F) {
	q := fixture.Questionnaire(f, "../../testdata/mini-questionnaire.yaml")
	var blank bytes.Buffer
	if err := Write(&blank, q, Options{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)}); err != nil {
		f.Fatal(err)
	}
	f.Add(blank.Bytes())
	f.Add([]byte("PK\x03\x04not a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Open("svarskjema.xlsx", data)
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
