package batch

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
)

// tickingClock advances by step on every reading, so that a batch «runs
// long» without taking any time.
func tickingClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(step)
		return t
	}
}

func TestProgress(t *testing.T) {
	paths := []string{"../../../../testdata/oyer-3440.yaml", "../../../../testdata/partial-3440.yaml", "../../../../testdata/vestland-46.yaml"}
	each := func(tty bool, clock func() time.Time) string {
		var errw bytes.Buffer
		s := &cli.Streams{In: strings.NewReader(""), Err: &errw, ErrTTY: tty, Clock: clock, Getenv: func(string) string { return "" }}
		Each(paths, s, NewSource("", nil), Options{Jobs: 2}, func(l *File) {
			fmt.Fprintf(s.Err, "ferdig med %s\n", l.Path)
		})
		return errw.String()
	}

	// A long batch on a terminal: files done of the total and the next
	// file, erased before each file's own output and at the end.
	got := each(true, tickingClock(time.Second))
	want := "ferdig med ../../../../testdata/oyer-3440.yaml\n" +
		"\r\x1b[Ksirkel: 1 av 3 filer ferdig – ../../../../testdata/partial-3440.yaml\r\x1b[K" +
		"ferdig med ../../../../testdata/partial-3440.yaml\n" +
		"\r\x1b[Ksirkel: 2 av 3 filer ferdig – ../../../../testdata/vestland-46.yaml\r\x1b[K" +
		"ferdig med ../../../../testdata/vestland-46.yaml\n"
	if got != want {
		t.Errorf("on a terminal:\n got %q\nwant %q", got, want)
	}

	// Nothing when stderr is no terminal, or before a second has passed.
	plain := "ferdig med ../../../../testdata/oyer-3440.yaml\nferdig med ../../../../testdata/partial-3440.yaml\nferdig med ../../../../testdata/vestland-46.yaml\n"
	if got := each(false, tickingClock(time.Second)); got != plain {
		t.Errorf("not a terminal: %q", got)
	}
	if got := each(true, tickingClock(time.Millisecond)); got != plain {
		t.Errorf("a short batch: %q", got)
	}
}

func TestProgressShortensLongPaths(t *testing.T) {
	var errw bytes.Buffer
	s := &cli.Streams{Err: &errw, ErrTTY: true, Clock: tickingClock(time.Second)}
	p := newProgress(s, 10)
	p.update(3, "svar/"+strings.Repeat("kommune-", 20)+"3440.yaml")
	line := strings.TrimPrefix(errw.String(), "\r\x1b[K")
	if n := len([]rune(line)); n != progressWidth || !strings.HasSuffix(line, "-3440.yaml") || !strings.Contains(line, "– …") {
		t.Errorf("%d columns: %q", n, line)
	}
}
