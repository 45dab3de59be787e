package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

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
	s := &cli.Streams{In: strings.NewReader(""), Out: io.Discard, Err: &errs, Getenv: func(string) string { return "" }}
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

// BenchmarkCompare is «sirkel compare -o FILE» over generated files.
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			dir := synthDir(b, n)
			out := filepath.Join(b.TempDir(), "sammenligning.xlsx")
			b.ReportAllocs()
			for b.Loop() {
				benchRun(b, "compare", dir, "-o", out)
			}
		})
	}
}

// The floor: what any tool must spend to read the same files. Parsing each
// file into a yaml.Node tree in parallel (as sirkel does) is the floor of
// «score»; parsing plus one StreamWriter row per file is the floor of
// «compare». Batch work should stay within about 1.5 × these.

func parseAllParallel(b *testing.B, files []string, each func(i int, root *yaml.Node)) {
	b.Helper()
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				data, err := os.ReadFile(files[i])
				if err != nil {
					b.Error(err)
					continue
				}
				var root yaml.Node
				if err := yaml.Unmarshal(data, &root); err != nil {
					b.Error(err)
				}
				each(i, &root)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
}

func BenchmarkFloorParse(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			files, _ := filepath.Glob(filepath.Join(synthDir(b, n), "*.yaml"))
			b.ReportAllocs()
			for b.Loop() {
				parseAllParallel(b, files, func(int, *yaml.Node) {})
			}
		})
	}
}

func BenchmarkFloorParseAndStreamRows(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			files, _ := filepath.Glob(filepath.Join(synthDir(b, n), "*.yaml"))
			b.ReportAllocs()
			for b.Loop() {
				// One row of 12 cells per file, as in the comparison's overview.
				rows := make([][]any, len(files))
				parseAllParallel(b, files, func(i int, root *yaml.Node) {
					row := make([]any, 12)
					row[0] = files[i]
					for j := 1; j < 12; j++ {
						row[j] = float64(j * len(root.Content))
					}
					rows[i] = row
				})
				f := excelize.NewFile()
				sw, err := f.NewStreamWriter("Sheet1")
				if err != nil {
					b.Fatal(err)
				}
				for i, row := range rows {
					cell, _ := excelize.CoordinatesToCellName(1, i+1)
					if err := sw.SetRow(cell, row); err != nil {
						b.Fatal(err)
					}
				}
				if err := sw.Flush(); err != nil {
					b.Fatal(err)
				}
				if _, err := f.WriteTo(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// binaryGC runs a benchmark with the binary's GC target (see main) unless
// GOGC is set.
func binaryGC(b *testing.B) {
	if os.Getenv("GOGC") == "" {
		old := debug.SetGCPercent(gcPercent)
		b.Cleanup(func() { debug.SetGCPercent(old) })
	}
}

// BenchmarkReport357 is «sirkel report --out-dir» over one answers file for
// each of the 357 municipalities (real kommunenumre, from synth); one op
// writes all 357 workbooks. Compare jobs=1 with jobs=2.
func BenchmarkReport357(b *testing.B) {
	binaryGC(b)
	dir := synthDir(b, 357)
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			out := b.TempDir()
			b.ReportAllocs()
			for b.Loop() {
				benchRun(b, "report", "--jobs", fmt.Sprint(jobs), "--out-dir", out, dir)
			}
		})
	}
}

// BenchmarkReportOne is «sirkel report» of one answers file: the work after
// start-up for a single report.
func BenchmarkReportOne(b *testing.B) {
	binaryGC(b)
	out := filepath.Join(b.TempDir(), "rapport.xlsx")
	b.ReportAllocs()
	for b.Loop() {
		benchRun(b, "report", "../../testdata/oyer-3440-2026.2.yaml", "-o", out)
	}
}
