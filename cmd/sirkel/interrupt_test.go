package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
)

// A batch stopped by Ctrl-C exits 130 and leaves no output file behind.
func TestBatchInterrupted(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "sammenligning.xlsx")
	for _, args := range [][]string{
		{"compare", "../../testdata/oyer-3440.yaml", "-o", out},
		{"report", "../../testdata/oyer-3440.yaml", "--out-dir", dir},
		{"score", "--format", "json", "../../testdata/oyer-3440.yaml"},
		{"validate", "../../testdata/oyer-3440.yaml"},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var stderr strings.Builder
		s := &cli.Streams{In: strings.NewReader(""), Out: &strings.Builder{}, Err: &stderr, Getenv: func(string) string { return "" }, Ctx: ctx}
		root := newRootCmd(s)
		root.SetArgs(args)
		err := root.ExecuteContext(ctx)
		ee, ok := err.(*cli.Error)
		if !ok || ee.Code != cli.ExitInterrupted {
			t.Errorf("%v: err = %v, want exit 130", args, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}
