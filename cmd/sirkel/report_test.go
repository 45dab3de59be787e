package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment/synth"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
	"github.com/sirkel/sirkel/questionnaires"

	"github.com/xuri/excelize/v2"
)

// reportStreams are streams for running a command in-process with a fixed
// SOURCE_DATE_EPOCH (2026-11-20).
func reportStreams() (*cli.Streams, *bytes.Buffer, *bytes.Buffer) {
	out, errw := &bytes.Buffer{}, &bytes.Buffer{}
	env := map[string]string{"SOURCE_DATE_EPOCH": "1795132800", "NO_COLOR": "1"}
	return &cli.Streams{In: strings.NewReader(""), Out: out, Err: errw, Getenv: func(k string) string { return env[k] }}, out, errw
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestReportCommandWritesWorkbooks(t *testing.T) {
	dir := t.TempDir()
	s, out, errw := reportStreams()
	code := run([]string{"report", "--out-dir", dir, "../../testdata/oyer-3440.yaml", "../../testdata/broken/unknown-key.yaml"}, s)
	if code != cli.ExitInvalid {
		t.Fatalf("exit %d, want 1 for the broken file\n%s", code, errw)
	}
	// Only the good file's workbook, and no temporary file left over.
	if got := dirNames(t, dir); !slices.Equal(got, []string{"3440-oyer-sirkel.xlsx"}) {
		t.Fatalf("files %v", got)
	}
	path := filepath.Join(dir, "3440-oyer-sirkel.xlsx")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
	if !strings.Contains(out.String(), "Skrev "+path) {
		t.Errorf("stdout %q", out)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) < 5 || got[0] != "Sammendrag" {
		t.Errorf("sheets %v", got)
	}
	dp, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if dp.Created != "2026-11-20T00:00:00Z" || !strings.HasPrefix(dp.Creator, "sirkel ") {
		t.Errorf("created %q by %q; want SOURCE_DATE_EPOCH and the tool", dp.Created, dp.Creator)
	}
}

func TestReportCommandToStdout(t *testing.T) {
	s, out, errw := reportStreams()
	if code := run([]string{"report", "../../testdata/oyer-3440.yaml", "-o", "-"}, s); code != cli.ExitOK {
		t.Fatalf("exit %d\n%s", code, errw)
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("PK\x03\x04")) {
		t.Fatal("stdout is not a workbook")
	}
	if _, err := excelize.OpenReader(bytes.NewReader(out.Bytes())); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(errw.String(), "Skrev -: Øyer (3440)") {
		t.Errorf("stderr %q", errw)
	}
}

func TestCompareCommandListsErrors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sammenligning.xlsx")
	s, _, errw := reportStreams()
	code := run([]string{"compare", "-o", path, "../../testdata/oyer-3440.yaml", "../../testdata/partial-3440.yaml", "../../testdata/broken/unknown-key.yaml"}, s)
	if code != cli.ExitInvalid {
		t.Fatalf("exit %d, want 1\n%s", code, errw)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"sammenligning.xlsx"}) {
		t.Fatalf("files %v", got)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Oversikt")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Errorf("%d overview rows, want a header and Øyer's newest file", len(rows))
	}
	rows, err = f.GetRows("Feil")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || rows[1][0] != "../../testdata/broken/unknown-key.yaml" || rows[1][3] != "Feil" {
		t.Errorf("error sheet %q", rows)
	}
}

// A workbook that fails half-way is never left behind, neither under its
// name nor as a temporary file.
func TestWorkbookFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rapport.xlsx")
	err := cli.WriteAtomic(path, func(w io.Writer) error {
		if _, err := w.Write([]byte("PK\x03\x04 half a workbook")); err != nil {
			return err
		}
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("no error")
	}
	if got := dirNames(t, dir); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
}

func TestUniqueName(t *testing.T) {
	used := map[string]bool{}
	for _, want := range []string{"3440-oyer-sirkel.xlsx", "3440-oyer-sirkel-2.xlsx", "3440-oyer-sirkel-3.xlsx"} {
		if got := uniqueName("3440-oyer-sirkel.xlsx", used); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// A workbook is binary data: «-o -» is refused when stdout is a terminal,
// before any work, and nothing is written to it.
func TestWorkbookNotWrittenToTerminal(t *testing.T) {
	for _, args := range [][]string{
		{"report", "../../testdata/oyer-3440.yaml", "-o", "-"},
		{"compare", "../../testdata/oyer-3440.yaml", "-o", "-"},
	} {
		s, out, errw := reportStreams()
		s.OutTTY = true
		if code := run(args, s); code != cli.ExitUsage {
			t.Errorf("%s: exit %d, want 2\n%s", args[0], code, errw)
		}
		if out.Len() != 0 {
			t.Errorf("%s: %d bytes written to the terminal", args[0], out.Len())
		}
		if !strings.Contains(errw.String(), "arbeidsboken er binærdata og skrives ikke til en terminal") {
			t.Errorf("%s: stderr %q", args[0], errw)
		}
	}
}

// Reports made in parallel are the same files with the same messages, in
// the same order, as reports made one at a time; that includes a broken
// file and two answers files for one municipality.
func TestReportJobsDeterministic(t *testing.T) {
	e, err := questionnaires.Get(questionnaires.DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	for i := range 5 {
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("svar-%d.yaml", i)), synth.File(e.Questionnaire, synth.Options{Seed: 7}, i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile(t, filepath.Join(in, "svar-1.yaml"), filepath.Join(in, "svar-1-kopi.yaml"))
	copyFile(t, "../../testdata/broken/unknown-key.yaml", filepath.Join(in, "svar-2-feil.yaml"))

	type outcome struct{ stdout, stderr string }
	var runs []outcome
	var dirs []string
	for _, jobs := range []string{"1", "3"} {
		out := filepath.Join(t.TempDir(), "ut")
		s, stdout, stderr := reportStreams()
		if code := run([]string{"report", "--jobs", jobs, "--out-dir", out, in}, s); code != cli.ExitInvalid {
			t.Fatalf("jobs=%s: exit %d, want 1 for the broken file\n%s", jobs, code, stderr)
		}
		runs = append(runs, outcome{strings.ReplaceAll(stdout.String(), out, "UT"), stderr.String()})
		dirs = append(dirs, out)
	}
	if runs[0] != runs[1] {
		t.Errorf("messages differ:\njobs=1: %q\njobs=3: %q", runs[0], runs[1])
	}
	names := dirNames(t, dirs[0])
	if len(names) != 6 || !slices.Equal(names, dirNames(t, dirs[1])) {
		t.Fatalf("files %v and %v", names, dirNames(t, dirs[1]))
	}
	for _, name := range names {
		if a, b := zipContent(t, filepath.Join(dirs[0], name)), zipContent(t, filepath.Join(dirs[1], name)); !maps.Equal(a, b) {
			t.Errorf("%s differs between jobs=1 and jobs=3", name)
		}
	}
}

// zipContent is a workbook's parts by name. Two runs differ in the order
// of the parts and of the defaults in [Content_Types].xml (excelize writes
// them in map order), so that part is left out.
func zipContent(t *testing.T, path string) map[string]uint32 {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	parts := map[string]uint32{}
	for _, f := range z.File {
		if f.Name != "[Content_Types].xml" {
			parts[f.Name] = f.CRC32
		}
	}
	return parts
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
