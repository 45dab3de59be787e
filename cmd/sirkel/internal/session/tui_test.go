package session

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
)

// syncBuffer is a buffer that the terminal UI may write from its own
// goroutine while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor polls until s has been written, or gives up after d.
func (b *syncBuffer) waitFor(s string, d time.Duration) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(b.String(), s) {
			return true
		}
	}
	return false
}

// tuiSitting runs Run in the full-screen form, fed keys through a pipe as
// a terminal would send them. The pipe is a file, as a terminal is:
// bubbletea can stop reading only from files, and each form of the
// sitting reads the input in turn.
func tuiSitting(t *testing.T, args Options) (keys *os.File, screen *syncBuffer, done <-chan error) {
	t.Helper()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	screen = &syncBuffer{}
	env := map[string]string{"NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1795132800", "TERM": "xterm"}
	s := &cli.Streams{In: pr, Out: io.Discard, Err: screen, InTTY: true, ErrTTY: true, Getenv: func(k string) string { return env[k] }}
	ch := make(chan error, 1)
	go func() { ch <- Run(context.Background(), s, &args) }()
	t.Cleanup(func() { pw.Close(); pr.Close() })
	return pw, screen, ch
}

// A chosen answer is saved when it is chosen: Ctrl-C in the comment that
// follows loses nothing, and the exit message is true.
func TestTUIChoiceSavedBeforeComment(t *testing.T) {
	path := filepath.Join(t.TempDir(), "svar.yaml")
	keys, screen, done := tuiSitting(t, Options{File: path, Questionnaire: "../../../../testdata/mini-questionnaire.yaml",
		Municipality: "3440", Respondent: "Kari", Role: "K", Areas: []string{"styring"}})
	if !screen.waitFor("Har kommunen en plan?", 5*time.Second) {
		t.Fatalf("no question on screen:\n%s", screen)
	}
	io.WriteString(keys, "\x1b[B\r") // down to «Planlagt (1)», Enter
	screen.waitFor("Svaret er lagret", 3*time.Second)
	io.WriteString(keys, "halv kommen\x03") // Ctrl-C while commenting
	var err error
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("still running:\n%s", screen)
	}
	var ee *cli.Error
	if !errors.As(err, &ee) || ee.Code != cli.ExitInterrupted || !strings.Contains(ee.Msg, "Svarene er lagret") {
		t.Fatalf("err = %v", err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.Contains(data, []byte("\n  styring-plan:")) || !bytes.Contains(data, []byte("value: 1\n")) && !bytes.Contains(data, []byte("styring-plan: 1\n")) {
		t.Errorf("the chosen answer is not in the file:\n%s", data)
	}
}
