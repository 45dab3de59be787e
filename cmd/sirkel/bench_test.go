package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment/synth"
	"github.com/sirkel/sirkel/questionnaires"
)

// synthDir writes n synthetic answer files of the default questionnaire.
func synthDir(b *testing.B, n int) string {
	b.Helper()
	e, err := questionnaires.Get(questionnaires.DefaultID)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("svar-%05d.yaml", i))
		if err := os.WriteFile(name, synth.File(e.Questionnaire, synth.Options{Seed: 1}, i), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

func benchRun(b *testing.B, args ...string) {
	b.Helper()
	var errs strings.Builder
	s := &streams{In: strings.NewReader(""), Out: io.Discard, Err: &errs, Getenv: func(string) string { return "" }}
	if code := run(args, s); code != 0 {
		b.Fatalf("exit %d: %s", code, errs.String())
	}
}

// BenchmarkScoreJSON is «sirkel score --format json» over generated files;
// one op is the whole batch.
func BenchmarkScoreJSON(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			dir := synthDir(b, n)
			b.ReportAllocs()
			for b.Loop() {
				benchRun(b, "score", "--format", "json", dir)
			}
		})
	}
}
