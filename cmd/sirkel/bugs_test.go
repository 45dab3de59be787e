package main

import (
	"strings"
	"sync"
	"testing"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
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
