package report

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/synth"
	"github.com/sirkel/sirkel/questionnaires"
	"github.com/sirkel/sirkel/report/internal/fixture"
	"github.com/xuri/excelize/v2"
)

// nnSynth is a synthetic answers file of the default questionnaire, all of
// whose texts are in both written standards: i picks the municipality
// (renamed when name is given), rate how much is answered.
func nnSynth(t testing.TB, i int, rate float64, name, number, date string) *assessment.Result {
	t.Helper()
	e, err := questionnaires.Get(questionnaires.DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	data := string(synth.File(e.Questionnaire, synth.Options{Seed: 7, AnswerRate: rate}, i))
	if name != "" {
		data = regexp.MustCompile(`(?m)^municipality: .*$`).ReplaceAllString(data, fmt.Sprintf("municipality: {name: %q, number: %q}", name, number))
	}
	data = regexp.MustCompile(`(?m)^date: .*$`).ReplaceAllString(data, "date: "+date)
	return fixture.ResultFrom(t, fmt.Sprintf("synth-%d.yaml", i), []byte(data))
}

// wbTexts reads back every text of a workbook, by where it stands: the
// cells and names of its sheets, their page headers and footers, the
// document properties, and the charts' titles, axes and alt texts.
func wbTexts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	f := wbOpen(t, data)
	out := map[string]string{}
	for _, sh := range f.GetSheetList() {
		out["sheet name "+sh] = sh
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
		hf, err := f.GetHeaderFooter(sh)
		if err != nil {
			t.Fatal(err)
		}
		out[sh+" header"], out[sh+" footer"] = hf.OddHeader, hf.OddFooter
	}
	dp, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	out["title"], out["subject"], out["description"], out["keywords"] = dp.Title, dp.Subject, dp.Description, dp.Keywords
	runs := regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
	for i, chart := range wbZipFiles(t, data, "xl/charts/") {
		for j, m := range runs.FindAllStringSubmatch(chart, -1) {
			out[fmt.Sprintf("chart %d text %d", i+1, j+1)] = html.UnescapeString(m[1])
		}
	}
	descr := regexp.MustCompile(`descr="([^"]*)"`)
	for i, drawing := range wbZipFiles(t, data, "xl/drawings/drawing") {
		for j, m := range descr.FindAllStringSubmatch(drawing, -1) {
			out[fmt.Sprintf("drawing %d alt text %d", i+1, j+1)] = html.UnescapeString(m[1])
		}
	}
	return out
}

// bokmalOnlyTexts are the questionnaires' texts whose bokmål differs from
// their nynorsk and that are long enough to tell: one of them in nynorsk
// output is a text taken in the wrong language.
func bokmalOnlyTexts(qs ...*assessment.Questionnaire) []string {
	var texts []assessment.Text
	for _, q := range qs {
		texts = collectTexts(reflect.ValueOf(q).Elem(), texts)
	}
	var nn []string
	for _, t := range texts {
		nn = append(nn, t.NN)
	}
	var out []string
	for _, t := range texts {
		if t.NN == "" || t.NB == t.NN || len([]rune(t.NB)) < 12 ||
			slices.ContainsFunc(nn, func(s string) bool { return strings.Contains(s, t.NB) }) {
			continue
		}
		out = append(out, t.NB)
	}
	return out
}

// collectTexts appends every assessment.Text that v holds, in exported
// fields, slices and pointers.
func collectTexts(v reflect.Value, out []assessment.Text) []assessment.Text {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			out = collectTexts(v.Elem(), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			out = collectTexts(v.Index(i), out)
		}
	case reflect.Struct:
		if t, ok := v.Interface().(assessment.Text); ok {
			return append(out, t)
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = collectTexts(v.Field(i), out)
			}
		}
	}
	return out
}

// untranslated are what a questionnaire gives the outputs in one form
// only: question and plan ids, and the sources of its key figures, which
// cite publications by their titles (a plain string, not a Text).
func untranslated(qs ...*assessment.Questionnaire) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.QuestionIDs()...)
		for _, p := range q.Plans {
			out = append(out, p.ID)
		}
		for _, f := range q.Facts {
			out = append(out, f.Source)
		}
	}
	return out
}

// checkNynorsk fails for every text of a nynorsk workbook that has a word
// of bokmål or a questionnaire text in bokmål, once the texts the answers
// files give (names, comments, …) and the questionnaire's untranslated
// ones are taken out. It returns the nynorsk words it finds, counted, and
// fails when «ikkje» or «frå» is not among them.
func checkNynorsk(t *testing.T, name string, data []byte, given []string, qs ...*assessment.Questionnaire) map[string]int {
	t.Helper()
	given = append(slices.Clone(given), untranslated(qs...)...)
	slices.SortStableFunc(given, func(a, b string) int { return len(b) - len(a) })
	nbTexts := bokmalOnlyTexts(qs...)
	found := map[string]int{}
	texts := wbTexts(t, data)
	for _, where := range slices.Sorted(func(yield func(string) bool) {
		for k := range texts {
			if !yield(k) {
				return
			}
		}
	}) {
		text := fixture.Without(texts[where], given)
		if words := fixture.BokmalWords(text); len(words) > 0 {
			t.Errorf("%s, %s: bokmål %q in %q", name, where, words, texts[where])
		}
		for _, nb := range nbTexts {
			if strings.Contains(text, nb) {
				t.Errorf("%s, %s: the questionnaire's bokmål «%s» in %q", name, where, nb, texts[where])
			}
		}
		for _, w := range fixture.NynorskWords(text) {
			found[w]++
		}
	}
	if len(texts) < 200 {
		t.Errorf("%s: only %d texts read", name, len(texts))
	}
	for _, w := range []string{"ikkje", "frå"} {
		if found[w] == 0 {
			t.Errorf("%s: no «%s» anywhere; found %v", name, w, found)
		}
	}
	return found
}

// TestReportNynorsk renders the reports of Øyer (with a baseline,
// evidence and «vet ikke» answers), of a sparse file and of
// Vestland fylkeskommune in nynorsk, and reads every text back: none has
// a word of bokmål outside what the answers files say themselves.
func TestReportNynorsk(t *testing.T) {
	oyer := withEvidence(t)
	base := nnSynth(t, 0, 0.6, "Øyer", "3440", "2025-11-10")
	sparse := nnSynth(t, 5, 0.15, "", "", "2026-10-01")
	vestland := fixture.Result(t, "../testdata/vestland-46.yaml")
	if !sparse.Uncertain || len(oyer.Unknown) == 0 {
		t.Fatal("the test data should have an uncertain total and «vet ikke» answers")
	}
	found := map[string]int{}
	for _, tc := range []struct {
		name string
		r    *assessment.Result
		opt  ReportOptions
	}{
		{"Øyer", oyer, ReportOptions{Baseline: base, File: "oyer-3440-2026.2.yaml"}},
		{"sparse", sparse, ReportOptions{}},
		{"Vestland", vestland, ReportOptions{File: "vestland-46.yaml"}},
	} {
		tc.opt.Lang = lang.NN
		given := append(fixture.GivenTexts(tc.r), tc.opt.File)
		if tc.opt.Baseline != nil {
			given = append(given, fixture.GivenTexts(tc.opt.Baseline)...)
		}
		for w, n := range checkNynorsk(t, tc.name, wbWrite(t, tc.r, tc.opt), given, tc.r.Questionnaire) {
			found[w] += n
		}
	}
	for _, w := range []string{"kva", "korleis", "høve", "berre", "svarfila", "tiltaka", "vurderinga"} {
		if found[w] == 0 {
			t.Errorf("no «%s» in the nynorsk reports; found %v", w, found)
		}
	}
}

// The nynorsk report has its sheets named in nynorsk, and says what the
// bokmål one says in its own words.
func TestReportNynorskNames(t *testing.T) {
	r := withEvidence(t)
	f := wbOpen(t, wbWrite(t, r, ReportOptions{Lang: lang.NN}))
	want := []string{"Samandrag", "Tiltak", "Planverk", "Årshjul", "Svar", "Metode", "Omgrep", "Døme", "Nøkkeltal"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	nnReport := reportSheetNames(nn)
	summary := wbSheetText(t, f, nnReport.summary)
	for _, s := range []string{"Samla skår", "Modningsnivå", "Hovudfunn", "Dei fem viktigaste tiltaka", "Neste høve",
		"Svar frå: Kari Nordbø (Klimarådgiver), Jon Sletten (Rådgiver landbruk og miljø) og Silje Haugen (Økonomisjef)",
		"Dokumentert: 5 av", "vurdert 20. november 2026", "Spørsmål med svaret «veit ikkje»"} {
		if !strings.Contains(summary, s) {
			t.Errorf("Samandrag lacks %q", s)
		}
	}
	for _, s := range KeyFindings(nn, r, nil) {
		if !strings.Contains(summary, s) {
			t.Errorf("finding missing: %s", s)
		}
	}
	// Answers through the questionnaire's nynorsk labels.
	answers := wbSheetText(t, f, nnReport.answers)
	for _, s := range []string{"Svar frå", "Dokumentasjon", "Veit ikkje", "Ikkje starta (0)", "sak 2025/123; https://oyer.kommune.no/lcc"} {
		if !strings.Contains(answers, s) {
			t.Errorf("Svar lacks %q", s)
		}
	}
	if !strings.Contains(wbSheetText(t, f, nnReport.plans), "Vedtaksorgan: kommunestyret (politisk vedtak)") {
		t.Error("Planverk does not name who adopts the plans")
	}
	if !strings.Contains(wbSheetText(t, f, nnReport.calendar), "blir vedteken kvart år i desember") &&
		!strings.Contains(wbSheetText(t, f, nnReport.plans), "blir vedteken kvart år i desember") {
		t.Error("the plans' cycles are not told in nynorsk")
	}
	hf, _ := f.GetHeaderFooter(nnReport.summary)
	if !strings.Contains(hf.OddFooter, "Sirkulær økonomi i kommunen – eigenvurdering") || !strings.Contains(hf.OddFooter, "Side &P av &N") {
		t.Errorf("footer %q", hf.OddFooter)
	}
	if dp, _ := f.GetDocProps(); dp.Language != "nn-NO" || !strings.Contains(dp.Title, "eigenvurdering") {
		t.Errorf("document properties %+v", dp)
	}
}

// The bokmål report is what it was: the zero Lang and lang.NB are the
// same workbook.
func TestReportBokmalIsTheDefault(t *testing.T) {
	r := withEvidence(t)
	a, b := wbWrite(t, r, ReportOptions{}), wbWrite(t, r, ReportOptions{Lang: lang.NB})
	for _, part := range []string{"xl/worksheets/", "xl/sharedStrings.xml", "xl/charts/", "xl/drawings/", "xl/workbook.xml", "docProps/"} {
		if !slices.Equal(wbZipFiles(t, a, part), wbZipFiles(t, b, part)) {
			t.Errorf("%s differs between the zero Lang and nb", part)
		}
	}
}

// TestCompareNynorsk writes a comparison in nynorsk of kommuner, one with
// two files and one uncertain, a fylkeskommune and a file that could not
// be read, and reads every text back.
func TestCompareNynorsk(t *testing.T) {
	oyer := fixture.Result(t, "../testdata/oyer-3440-2026.2.yaml")
	before := nnSynth(t, 0, 0.6, "Øyer", "3440", "2025-11-10")
	sparse := nnSynth(t, 5, 0.15, "", "", "2026-10-01")
	other := nnSynth(t, 9, 0.9, "", "", "2026-10-01")
	vestland := fixture.Result(t, "../testdata/vestland-46.yaml")
	broken := "../testdata/broken/unknown-key.yaml"
	data, err := os.ReadFile(broken)
	if err != nil {
		t.Fatal(err)
	}
	_, ds := assessment.ParseAnswers(broken, data)
	if !ds.HasErrors() {
		t.Fatalf("%s has no errors", broken)
	}

	c := NewComparison(nil, CompareOptions{Now: wbNow, Lang: lang.NN})
	files := map[string]*assessment.Result{"oyer.yaml": oyer, "oyer-2025.yaml": before, "sparse.yaml": sparse, "other.yaml": other, "vestland.yaml": vestland}
	var given []string
	for _, file := range slices.Sorted(func(yield func(string) bool) {
		for k := range files {
			if !yield(k) {
				return
			}
		}
	}) {
		c.Add(file, files[file])
		given = append(given, file)
		given = append(given, fixture.GivenTexts(files[file])...)
	}
	for _, d := range ds {
		c.AddError(d)
	}
	given = append(given, broken)

	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	found := checkNynorsk(t, "comparison", buf.Bytes(), given, oyer.Questionnaire, vestland.Questionnaire)
	if found["berre"] == 0 {
		t.Errorf("no «berre» in the comparison; found %v", found)
	}
	f := wbOpen(t, buf.Bytes())
	want := []string{"Oversikt", "Områda", "Statistikk", "Utvikling", "Oversikt – fylkeskommunar", "Områda – fylkeskommunar", "Statistikk – fylkeskommunar", "Feil"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	overview := wbSheetText(t, f, "Oversikt")
	if !strings.Contains(overview, "usikker – berre 1") || !strings.Contains(overview, "Samla skår") {
		t.Errorf("Oversikt:\n%s", overview)
	}
	if text := wbSheetText(t, f, "Feil"); !strings.Contains(text, "ukjend nøkkel") && !strings.Contains(text, "ukjent nøkkel") {
		t.Errorf("Feil does not give the message in nynorsk:\n%s", text)
	}
	for _, g := range c.Groups() {
		if g.Many != "kommunar" && g.Many != "fylkeskommunar" {
			t.Errorf("group nouns %q, %q", g.One, g.Many)
		}
	}
}
