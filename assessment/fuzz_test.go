package assessment

import (
	"os"
	"path/filepath"
	"testing"
)

// addSeeds adds the YAML files under testdata to a fuzz corpus. The
// embedded questionnaire (100 KB) is left out: Go's fuzzer minimizes every
// new interesting input, and on an input that large minimizing stalls the
// run for minutes.
func addSeeds(f *testing.F) {
	paths, _ := filepath.Glob("../testdata/*.yaml")
	more, _ := filepath.Glob("../testdata/broken/*.yaml")
	paths = append(paths, more...)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkRefusal asserts the fuzz property: no panic, and an input that is
// refused is refused with at least one error that has a position.
func checkRefusal(t *testing.T, ok bool, ds Diagnostics) {
	if ok {
		return
	}
	errs := ds.Errors()
	if len(errs) == 0 {
		t.Fatal("refused without an error")
	}
	for _, d := range errs {
		if d.Line < 1 || d.Column < 1 || d.Message == "" {
			t.Fatalf("error without position: %#v", d)
		}
	}
}

func FuzzParseAnswers(f *testing.F) {
	addSeeds(f)
	data, err := os.ReadFile("../questionnaires/ks-sirkulaer-2026.1.yaml")
	if err != nil {
		f.Fatal(err)
	}
	q, ds := ParseQuestionnaire("ks.yaml", data)
	if ds.HasErrors() {
		f.Fatal(ds)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, ds := ParseAnswers("a.yaml", data)
		if a != nil && !ds.HasErrors() {
			c, cds := a.Check(q, CheckOptions{})
			ds = append(ds, cds...)
			if !ds.HasErrors() {
				Evaluate(c)
			}
		}
		checkRefusal(t, a != nil && !ds.HasErrors(), ds)
	})
}

func FuzzParseQuestionnaire(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		q, ds := ParseQuestionnaire("q.yaml", data)
		if q != nil {
			// A questionnaire that loads must score an empty answers file.
			c, _ := (&Answers{}).Check(q, CheckOptions{})
			Evaluate(c)
		}
		checkRefusal(t, q != nil, ds)
	})
}
