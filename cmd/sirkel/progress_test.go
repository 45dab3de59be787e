package main

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
)

// progressLine is batch's progress on stderr, with the erasing after it.
var progressLine = regexp.MustCompile(`\r\x1b\[Ksirkel: \d+ av \d+ filer ferdig – [^\r\n]*\r\x1b\[K`)

// Batch commands show progress on stderr when it is a terminal and the
// batch runs long (a clock that ticks a second per reading); without the
// progress lines, stdout and stderr are what they are without a terminal.
func TestBatchCommandsShowProgress(t *testing.T) {
	files := []string{"../../testdata/oyer-3440.yaml", "../../testdata/partial-3440.yaml", "../../testdata/broken/unknown-key.yaml"}
	for _, args := range [][]string{
		append([]string{"validate"}, files...),
		append([]string{"score", "--format", "csv"}, files...),
		append([]string{"report", "--out-dir", "OUT"}, files...),
	} {
		results := map[bool][2]string{}
		for _, tty := range []bool{false, true} {
			args := append([]string(nil), args...)
			for i, a := range args {
				if a == "OUT" {
					args[i] = t.TempDir()
				}
			}
			s, out, errw := reportStreams()
			s.ErrTTY = tty
			clock := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
			s.Clock = func() time.Time { clock = clock.Add(time.Second); return clock }
			if code := run(args, s); code != cli.ExitInvalid {
				t.Fatalf("%s: exit %d\n%s", args[0], code, errw)
			}
			stdout := out.String()
			if args[0] == "report" {
				stdout = strings.ReplaceAll(stdout, args[2], "OUT")
			}
			results[tty] = [2]string{stdout, errw.String()}
		}
		if progressLine.MatchString(results[false][1]) {
			t.Errorf("%s: progress without a terminal: %q", args[0], results[false][1])
		}
		if n := len(progressLine.FindAllString(results[true][1], -1)); n != 2 {
			t.Errorf("%s: %d progress lines, want 2 (after the first and second of three files): %q", args[0], n, results[true][1])
		}
		if results[true][0] != results[false][0] {
			t.Errorf("%s: stdout differs on a terminal:\n%q\n%q", args[0], results[true][0], results[false][0])
		}
		if got := progressLine.ReplaceAllString(results[true][1], ""); got != results[false][1] {
			t.Errorf("%s: stderr differs besides the progress:\n%q\n%q", args[0], got, results[false][1])
		}
	}
}
