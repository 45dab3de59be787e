package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
	"github.com/sirkel/sirkel/questionnaires"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"
)

// The workbooks sirkel writes in nynorsk, read back cell by cell: no word
// of bokmål outside what the answers files say themselves.

var (
	// bokmalOnly are words of bokmål that nynorsk does not have.
	bokmalOnly = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(ikke|hva|hvordan|noen|fra|mye)(?:[^\p{L}]|$)`)
	// nynorskOnly are words only nynorsk has.
	nynorskOnly = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(ikkje|kva|korleis|frå|berre|noko|nokon|mykje)(?:[^\p{L}]|$)`)
)

// workbookTexts are the names of a workbook's sheets and the text of every
// cell, by where they stand.
func workbookTexts(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	for _, sh := range f.GetSheetList() {
		out["sheet "+sh] = sh
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r, cells := range rows {
			for c, v := range cells {
				if strings.TrimSpace(v) != "" {
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					out[sh+"!"+ref] = v
				}
			}
		}
	}
	return out
}

// givenTexts are the texts the answers files at paths give the outputs as
// they are, in whatever language they were written: every key and value of
// their YAML (names, roles, comments, evidence, plans' status, free text),
// and what the questionnaires have in one form only (the sources of key
// figures). The longest come first, so that a text is taken out before a
// part of it.
func givenTexts(t *testing.T, paths ...string) []string {
	t.Helper()
	var given []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) != "" {
			given = append(given, n.Value)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		walk(&doc)
	}
	entries, err := questionnaires.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		for _, f := range e.Questionnaire.Facts {
			given = append(given, f.Source)
		}
	}
	slices.SortStableFunc(given, func(a, b string) int { return len(b) - len(a) })
	return given
}

// checkNynorsk fails for every text of a workbook that has a word of bokmål
// once the given texts are taken out, and for each of the nynorsk words
// want (by default «ikkje» and «frå») that it lacks.
func checkNynorsk(t *testing.T, path string, given []string, want ...string) {
	t.Helper()
	texts := workbookTexts(t, path)
	if len(texts) < 100 {
		t.Errorf("%s: only %d texts read", path, len(texts))
	}
	found := map[string]int{}
	for _, where := range slices.Sorted(func(yield func(string) bool) {
		for k := range texts {
			if !yield(k) {
				return
			}
		}
	}) {
		text := texts[where]
		for _, g := range given {
			text = strings.ReplaceAll(text, g, "")
		}
		if m := bokmalOnly.FindAllStringSubmatch(text, -1); m != nil {
			t.Errorf("%s, %s: bokmål «%s» in %q", filepath.Base(path), where, m[0][1], texts[where])
		}
		for _, m := range nynorskOnly.FindAllStringSubmatch(text, -1) {
			found[strings.ToLower(m[1])]++
		}
	}
	if len(want) == 0 {
		want = []string{"ikkje", "frå"}
	}
	for _, w := range want {
		if found[w] == 0 {
			t.Errorf("%s: no «%s» anywhere; found %v", filepath.Base(path), w, found)
		}
	}
}

// noBokmal fails when what a command said has a word of bokmål.
func noBokmal(t *testing.T, what, text string) {
	t.Helper()
	if m := bokmalOnly.FindAllStringSubmatch(text, -1); m != nil {
		t.Errorf("%s in bokmål («%s»): %q", what, m[0][1], text)
	}
}

// runOK runs sirkel with args and fails unless it exits 0; it returns what
// it wrote on stdout and stderr.
func runOK(t *testing.T, args ...string) (string, string) {
	t.Helper()
	s, out, errw := reportStreams()
	if code := run(args, s); code != cli.ExitOK {
		t.Fatalf("sirkel %s: exit %d\n%s", strings.Join(args, " "), code, errw)
	}
	return out.String(), errw.String()
}

const oyer2026 = "../../testdata/oyer-3440-2026.2.yaml"

func TestReportNynorsk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.xlsx")
	out, errs := runOK(t, "--lang", "nn", "report", oyer2026, "--baseline", "../../testdata/oyer-3440.yaml", "-o", path)
	checkNynorsk(t, path, givenTexts(t, oyer2026, "../../testdata/oyer-3440.yaml"))
	if !strings.HasPrefix(out, "Skreiv "+path+": Øyer (3440), 40,8 av 100, ") {
		t.Errorf("stdout %q", out)
	}
	noBokmal(t, "stderr", errs)
}

// A file that says «language: nn» gets a nynorsk report without --lang;
// --lang nb still gives a bokmål one.
func TestReportInTheFilesLanguage(t *testing.T) {
	data, err := os.ReadFile(oyer2026)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "svar-nn.yaml")
	text := strings.Replace(string(data), "\ndate: ", "\nlanguage: nn\ndate: ", 1)
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	nn := filepath.Join(dir, "nn.xlsx")
	runOK(t, "report", file, "-o", nn)
	checkNynorsk(t, nn, givenTexts(t, file))

	nb := filepath.Join(dir, "nb.xlsx")
	runOK(t, "--lang", "nb", "report", file, "-o", nb)
	texts := workbookTexts(t, nb)
	if texts["sheet Sammendrag"] == "" {
		t.Errorf("--lang nb: no sheet Sammendrag")
	}
}

func TestTemplateNynorsk(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "tomt.xlsx")
	_, errs := runOK(t, "--lang", "nn", "template", "-o", empty)
	checkNynorsk(t, empty, givenTexts(t))
	noBokmal(t, "stderr", errs)

	filled := filepath.Join(dir, "utfylt.xlsx")
	_, errs = runOK(t, "--lang", "nn", "template", "--from", oyer2026, "-o", filled)
	checkNynorsk(t, filled, givenTexts(t, oyer2026))
	if !strings.HasPrefix(errs, "Skreiv "+filled+": svarskjema for ks-sirkulaer@2026.2 med 100 spørsmål.") {
		t.Errorf("stderr %q", errs)
	}
}

func TestCompareNynorsk(t *testing.T) {
	files := []string{oyer2026, "../../testdata/vestland-46.yaml"}
	path := filepath.Join(t.TempDir(), "samanlikning.xlsx")
	out, errs := runOK(t, append([]string{"--lang", "nn", "compare", "-o", path}, files...)...)
	// Two files with every question answered: the comparison says «frå»
	// (the change from the one before) but has no need for «ikkje».
	checkNynorsk(t, path, givenTexts(t, files...), "frå")
	if want := "Skreiv " + path + ": 1 kommune og 1 fylkeskommune samanlikna\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	if !strings.Contains(errs, "sirkel: merk: kommunar og fylkeskommunar blir rangerte kvar for seg; fylkeskommunane står i arka som sluttar på «– fylkeskommunar»") {
		t.Errorf("stderr %q", errs)
	}
	noBokmal(t, "stderr", errs)
}
