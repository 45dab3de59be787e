package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/synth"
	"github.com/sirkel/sirkel/questionnaires"
)

// Two runs at once (as tests and any embedding do) share no global state:
// cobra's template functions are a global map, so registering one on every
// run raced.
func TestRunsDoNotShareState(t *testing.T) {
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			s, _, _ := testStreams(strings.NewReader(""))
			run([]string{"score", "--help"}, s)
		})
	}
	wg.Wait()
}

// «-» twice would have two workers read standard input at once.
func TestStdinOnlyOnce(t *testing.T) {
	for _, args := range [][]string{
		{"score", "-", "-"},
		{"validate", "-q", "-", "-"},
		{"score", "-q", "-", "-"},
	} {
		s, _, errw := testStreams(strings.NewReader("kind: answers\n"))
		if code := run(args, s); code != cli.ExitUsage || !strings.Contains(errw.String(), "standard inn (-) kan bare leses én gang") {
			t.Errorf("%v: exit %d\n%s", args, code, errw)
		}
	}
}

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
	s, _, _ := testStreams(strings.NewReader(""))
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic was swallowed")
			}
		}()
		forEachAnswers(paths, s, &questionnaireSource{}, batchOptions{jobs: 2}, func(*loaded) { panic("bug") })
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
	qs := &questionnaireSource{flag: questionnaires.DefaultID}
	for range 100 {
		if _, err := qs.For(assessment.QuestionnaireRef{}); err != nil {
			t.Fatal(err)
		}
	}
	if calls > 1 {
		t.Errorf("%d stat calls for 100 files", calls)
	}
}
