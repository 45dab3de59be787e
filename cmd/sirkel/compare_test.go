package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
	"github.com/sirkel/sirkel/report"
	"github.com/xuri/excelize/v2"
)

// The scenarios of testdata/script/compare_*.txtar, with the workbook
// read back.

// compareFiles writes files (name → content) into a new folder and
// copies the repository's testdata files named in copies (name → file).
func compareFiles(t *testing.T, files, copies map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range copies {
		data, err := os.ReadFile(filepath.Join("../../testdata", src))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(data)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runCompareCmd runs «sirkel compare ARGS… -o FILE» and opens the workbook.
func runCompareCmd(t *testing.T, args ...string) (*excelize.File, string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sammenligning.xlsx")
	s, out, errw := reportStreams()
	if code := run(append([]string{"compare", "-o", path}, args...), s); code != cli.ExitOK {
		t.Fatalf("exit %d\n%s", code, errw)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, out.String(), errw.String()
}

// overviewRows is a sheet's rows as «rank | number | name | total» plus the
// named columns.
func overviewRows(t *testing.T, f *excelize.File, sheet string, extra ...string) []string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var cols []int
	for _, title := range extra {
		i := slices.Index(rows[0], title)
		if i < 0 {
			t.Fatalf("%s has no column %q: %q", sheet, title, rows[0])
		}
		cols = append(cols, i)
	}
	var out []string
	for _, row := range rows[1:] {
		cells := []string{row[0], row[1], row[2], row[3]}
		for _, c := range cols {
			cells = append(cells, row[c])
		}
		out = append(out, strings.Join(cells, " | "))
	}
	return out
}

const lesjaTenth = `kind: answers
questionnaire: {id: ks-sirkulaer, version: "2026.1"}
municipality: {name: Lesja, number: "3432"}
date: 2026-10-02
answers:
  styring-planstrategi: 3
  styring-temaplan: 2
  styring-budsjettskriv: 2
  styring-koordinering: 3
  bygg-sortering: 3
  mat-maling: [sykehjem]
  avfall-plan: 3
  avfall-egne-bygg: [matavfall, plast]
  avfall-materialgjenvinning: 46.5
`

// A file with a tenth of the questions answered is «usikker» and gets no
// place, though its total (56.1) is higher than Øyer's (39.1).
func TestCompareUncertainIsNotRanked(t *testing.T) {
	dir := compareFiles(t, map[string]string{"lesja.yaml": lesjaTenth}, map[string]string{"oyer.yaml": "oyer-3440.yaml"})
	f, _, _ := runCompareCmd(t, filepath.Join(dir, "lesja.yaml"), filepath.Join(dir, "oyer.yaml"))
	want := []string{"1 | 3440 | Øyer | 39.1", "usikker – bare 10\u00a0% besvart | 3432 | Lesja | 56.1"}
	if got := overviewRows(t, f, report.SheetOverview); !slices.Equal(got, want) {
		t.Errorf("Oversikt %q, want %q", got, want)
	}
	if n, _ := f.GetCellValue(report.SheetStats, "B2"); n != "1" {
		t.Errorf("Statistikk counts %s totals, want Øyer's only", n)
	}
}

// Two dates for Øyer in a folder: the newest is ranked with its change,
// said in one line; --all ranks both.
func TestCompareNewestWithChange(t *testing.T) {
	dir := compareFiles(t, map[string]string{}, map[string]string{"oyer-2026-11.yaml": "oyer-3440.yaml", "oyer-2026-10.yaml": "partial-3440.yaml"})
	f, out, errw := runCompareCmd(t, dir)
	if errw != "sirkel: merk: 1 kommune har flere besvarelser; den nyeste er brukt (--all tar med alle)\n" {
		t.Errorf("stderr %q", errw)
	}
	if !strings.HasSuffix(out, ": 1 kommune sammenlignet\n") {
		t.Errorf("stdout %q", out)
	}
	// 39.1 now, 54.8 on the partial answers of 2 October.
	want := []string{"1 | 3440 | Øyer | 39.1 | −15.7 | 2026-11-20 | 2026-10-02"}
	if got := overviewRows(t, f, report.SheetOverview, "Endring", "Dato", "Endring siden"); !slices.Equal(got, want) {
		t.Errorf("Oversikt %q, want %q", got, want)
	}
	rows, _ := f.GetRows(report.SheetTrend)
	if len(rows) < 3 || strings.Join(rows[1][:5], " ") != "3440 Øyer 2026-10-02 54.8 –" || strings.Join(rows[2][:5], " ") != "3440 Øyer 2026-11-20 39.1 −15.7" {
		t.Errorf("Utvikling %q", rows)
	}

	f, _, errw = runCompareCmd(t, "--all", dir)
	if errw != "" {
		t.Errorf("--all: stderr %q", errw)
	}
	want = []string{"1 | 3440 | Øyer | 39.1 | −15.7", "usikker – bare 14\u00a0% besvart | 3440 | Øyer | 54.8 | –"}
	if got := overviewRows(t, f, report.SheetOverview, "Endring"); !slices.Equal(got, want) {
		t.Errorf("--all: Oversikt %q, want %q", got, want)
	}
}

// Vestland fylkeskommune and Øyer kommune are ranked on sheets of their
// own.
func TestCompareAudiencesApart(t *testing.T) {
	f, _, _ := runCompareCmd(t, "../../testdata/vestland-46.yaml", "../../testdata/oyer-3440.yaml")
	if got := overviewRows(t, f, report.SheetOverview); !slices.Equal(got, []string{"1 | 3440 | Øyer | 39.1"}) {
		t.Errorf("Oversikt %q", got)
	}
	if got := overviewRows(t, f, report.SheetOverview+" – fylkeskommuner"); !slices.Equal(got, []string{"1 | 46 | Vestland | 48.3"}) {
		t.Errorf("Oversikt – fylkeskommuner %q", got)
	}
	if v, _ := f.GetCellValue(report.SheetOverview+" – fylkeskommuner", "C1"); v != "Fylkeskommune" {
		t.Errorf("header %q", v)
	}
}
