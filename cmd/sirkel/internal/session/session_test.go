package session

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
)

func TestLineReader(t *testing.T) {
	lr := newLineReader(strings.NewReader("3\r\n\nsiste"))
	var got []string
	for range 3 {
		s, err := lr.read(context.Background())
		if err != nil {
			t.Fatalf("%v after %q", err, got)
		}
		got = append(got, s)
	}
	if strings.Join(got, "|") != "3||siste" {
		t.Errorf("lines %q", got)
	}
	if _, err := lr.read(context.Background()); !errors.Is(err, errEndOfInput) {
		t.Errorf("end of input: %v", err)
	}
	// A read waiting for a line gives way to Ctrl-C.
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := newLineReader(pr).read(ctx); !errors.Is(err, errInterrupted) {
		t.Errorf("cancelled: %v", err)
	}
}

// A save that fails leaves the previous file as it was, and no temporary
// file beside it.
func TestAssessSaveFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "svar.yaml")
	old := []byte("kind: answers\n# forrige, hele fil\n")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	err := cli.WriteAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "kind: answers\nanswers:\n  halv")
		return errors.New("disken er full")
	})
	if err == nil {
		t.Fatal("no error")
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
		t.Errorf("old file changed: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}

	// The session reports a failed save as an error, not a panic.
	q := miniQuestionnaire(t)
	ss := &sitting{q: q, lp: nb, path: filepath.Join(dir, "mangler", "svar.yaml"),
		a: &assessment.Answers{Municipality: assessment.Municipality{Name: "Øyer", Number: "3440"}}}
	var ee *cli.Error
	if err := ss.save(); !errors.As(err, &ee) || ee.Code != cli.ExitInvalid || !strings.Contains(ee.Msg, "kunne ikke lagre svarene") {
		t.Errorf("save into a missing folder: %v", err)
	}
}
