package batch

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/synth"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
	"github.com/sirkel/sirkel/questionnaires"
)

// A panic in the per-file callback reaches the caller and leaves no
// worker or feeder blocked.
func TestForEachAnswersPanicLeavesNoGoroutine(t *testing.T) {
	e, err := questionnaires.Get(questionnaires.DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var paths []string
	for i := range 60 {
		p := filepath.Join(dir, "a"+string(rune('a'+i%26))+string(rune('a'+i/26))+".yaml")
		if err := os.WriteFile(p, synth.File(e.Questionnaire, synth.Options{Seed: 1}, i), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	before := runtime.NumGoroutine()
	s := &cli.Streams{In: strings.NewReader(""), Getenv: func(string) string { return "" }}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic was swallowed")
			}
		}()
		Each(paths, s, NewSource("", nil), Options{Jobs: 2}, func(*File) { panic("bug") })
	}()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left, %d before", n, before)
	}
}

// With -q naming an embedded questionnaire, the file system is asked once
// whether a file of that name exists, not once per answers file.
func TestQuestionnaireFlagResolvedOnce(t *testing.T) {
	calls := 0
	statFile = func(p string) (fs.FileInfo, error) { calls++; return os.Stat(p) }
	defer func() { statFile = os.Stat }()
	qs := NewSource(questionnaires.DefaultID, nil)
	for range 100 {
		if _, err := qs.For(assessment.QuestionnaireRef{}); err != nil {
			t.Fatal(err)
		}
	}
	if calls > 1 {
		t.Errorf("%d stat calls for 100 files", calls)
	}
}

// A bug while handling one file becomes an error for that file; the batch
// goes on and no stack trace reaches the user.
func TestBatchSurvivesABug(t *testing.T) {
	s := &cli.Streams{In: strings.NewReader(""), Getenv: func(string) string { return "" }}
	qs := NewSource("", s.In)
	opt := Options{Evaluate: true, Work: func(l *File) {
		if strings.Contains(l.Path, "oyer") {
			panic("boom")
		}
	}}
	var got []string
	Each([]string{"../../../../testdata/oyer-3440.yaml", "../../../../testdata/partial-3440.yaml"}, s, qs, opt, func(l *File) {
		if l.OK() {
			got = append(got, "ok "+l.Path)
		} else {
			got = append(got, l.Diags.Error())
		}
	})
	if len(got) != 2 || !strings.Contains(got[0], "intern feil i sirkel (boom)") || got[1] != "ok ../../../../testdata/partial-3440.yaml" {
		t.Errorf("got %q", got)
	}
}
