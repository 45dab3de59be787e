package synth_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/synth"
)

func TestFilesAreDeterministicAndValid(t *testing.T) {
	for _, path := range []string{"../../questionnaires/ks-sirkulaer-2026.1.yaml", "../../testdata/mini-questionnaire.yaml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		q, ds := assessment.ParseQuestionnaire(path, data)
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		var totals []float64
		for i := range 50 {
			f := synth.File(q, synth.Options{Seed: 3}, i)
			if !bytes.Equal(f, synth.File(q, synth.Options{Seed: 3}, i)) {
				t.Fatal("same seed and index gave different files")
			}
			a, ds := assessment.ParseAnswers("s.yaml", f)
			if ds.HasErrors() {
				t.Fatalf("%s #%d: %v\n%s", path, i, ds, f)
			}
			c, ds := a.Check(q, assessment.CheckOptions{})
			if ds.HasErrors() {
				t.Fatalf("%s #%d: %v\n%s", path, i, ds, f)
			}
			if r := assessment.Evaluate(c); r.Total.Defined {
				totals = append(totals, r.Total.Value)
			}
		}
		lo, hi := 100.0, 0.0
		for _, v := range totals {
			lo, hi = min(lo, v), max(hi, v)
		}
		if hi-lo < 30 {
			t.Errorf("%s: totals spread only %.1f–%.1f; profiles should vary", path, lo, hi)
		}
	}
}
