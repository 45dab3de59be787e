package scores

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/internal/fixture"
)

// nnResults are results whose questionnaires have every text in nynorsk:
// Øyer's 2026.2 answers, a thinly answered copy (uncertain) and Vestland.
func nnResults(t *testing.T) (files []string, rs []*assessment.Result) {
	t.Helper()
	oyer := fixture.Result(t, "../../testdata/oyer-3440-2026.2.yaml")
	thin := *oyer
	thin.Uncertain, thin.Coverage = true, assessment.Some(0.14)
	return []string{"oyer.yaml", "thin.yaml", "vestland.yaml"},
		[]*assessment.Result{oyer, &thin, fixture.Result(t, "../../testdata/vestland-46.yaml")}
}

// noBokmal fails for a bokmål word in out, once the texts the answers
// files give are taken out, and for a nynorsk output without «ikkje» or
// the other words of want.
func noBokmal(t *testing.T, what, out string, rs []*assessment.Result, want ...string) {
	t.Helper()
	var given []string
	for _, r := range rs {
		given = append(given, fixture.GivenTexts(r)...)
		given = append(given, r.Questionnaire.QuestionIDs()...)
	}
	text := fixture.Without(out, given)
	if words := fixture.BokmalWords(text); len(words) > 0 {
		t.Errorf("%s: bokmål %q in\n%s", what, words, out)
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("%s: no %q in\n%s", what, w, out)
		}
	}
}

func TestTableNynorsk(t *testing.T) {
	files, rs := nnResults(t)
	opt := TableOptions{Gaps: TopGaps, Lang: lang.NN}
	for i, r := range rs {
		var b bytes.Buffer
		if err := WriteTable(&b, files[i], r, opt); err != nil {
			t.Fatal(err)
		}
		checkWidth(t, b.String())
		noBokmal(t, files[i], b.String(), rs, "Dei fem viktigaste tiltaka", "Neste høve: ")
	}
	var b bytes.Buffer
	if err := WriteTable(&b, files[0], rs[0], opt); err != nil {
		t.Fatal(err)
	}
	noBokmal(t, "Øyer", b.String(), rs,
		"Totalskår 40,8 av 100 · nivå Forankra · dekning 98 %\n82 gap · 0 utan svar · 2 veit ikkje\n",
		"   Svar på styring-ressursmal: Ikkje starta (0)\n   Neste høve: desember 2027 – Kommuneplanen sin samfunnsdel\n",
		"Styrings- og leiingsprosessar")
	if got := Headline(lang.For(lang.NN), rs[1]); !strings.Contains(got, "usikker – berre 14 % svara på") {
		t.Errorf("Headline = %q", got)
	}
	b.Reset()
	var rows []ScoredFile
	for i, r := range rs[:2] {
		rows = append(rows, ScoredFile{File: files[i], Result: r})
	}
	if err := WriteOverview(&b, rows, opt); err != nil {
		t.Fatal(err)
	}
	checkWidth(t, b.String())
	noBokmal(t, "overview", b.String(), rs, "* usikker: for lite er svara på til at totalskåren kan samanliknast", "Område: 1 Styrings- og leiingsprosessar")
}

func TestSpreadsheetCSVNynorsk(t *testing.T) {
	files, rs := nnResults(t)
	var b bytes.Buffer
	w := NewSpreadsheetCSVWriterWith(&b, rs[0].Questionnaire, CSVOptions{Lang: lang.NN})
	for i, r := range rs {
		w.Add(files[i], r)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rows := readSpreadsheetCSV(t, b.Bytes())
	head := strings.Join(rows[0], ";")
	if want := "Fil;Kommunenummer;Kommune;Totalskår;Nivå;Dekning (%);Usikker;Neste høve;Styrings- og leiingsprosessar;"; !strings.HasPrefix(head, want) {
		t.Errorf("header %q, want it to start %q", head, want)
	}
	if got := strings.Join(rows[1][:8], ";"); got != "oyer.yaml;3440;Øyer;40,8;Forankra;98;nei;januar 2027 – Verksemdsplan" {
		t.Errorf("row %q", got)
	}
	noBokmal(t, "CSV", b.String(), rs, "Grøn transport og mobilitet")
}

// The JSON has no words of its own; the questionnaire's level names and
// actions come in the chosen language, and the messages of the files
// that could not be read too.
func TestJSONNynorsk(t *testing.T) {
	files, rs := nnResults(t)
	var b bytes.Buffer
	w := NewJSONWriterWith(&b, nil, JSONOptions{Lang: lang.NN})
	for i, r := range rs {
		w.Add(files[i], r)
	}
	_, ds := assessment.ParseAnswers("feil.yaml", []byte("kind: answers\nquestionnaire: {id: ks-sirkulaer, version: \"2026.2\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-20\nanswers: {styring-lcc: {verdi: 2}}\n"))
	if !ds.HasErrors() {
		t.Fatal("the broken file has no errors")
	}
	w.AddDiagnostics(ds)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Results []struct {
			Level struct{ Name string } `json:"level"`
			Gaps  []struct {
				Action string `json:"action"`
			} `json:"gaps"`
		} `json:"results"`
		Errors []struct{ Message string } `json:"errors"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Results[0].Level.Name; got != "Forankra" {
		t.Errorf("level %q, want Forankra", got)
	}
	if got := doc.Results[0].Gaps[0].Action; !strings.HasPrefix(got, "Vedta eit talfesta mål") {
		t.Errorf("action %q", got)
	}
	if len(doc.Errors) == 0 || !strings.Contains(doc.Errors[0].Message, "ukjend nøkkel") {
		t.Errorf("errors %+v", doc.Errors)
	}
	// The words of the document, not its keys and ids (an option id may
	// be a bokmål word: «noen-fa»).
	var words []string
	for _, r := range doc.Results {
		words = append(words, r.Level.Name)
		for _, g := range r.Gaps {
			words = append(words, g.Action)
		}
	}
	for _, e := range doc.Errors {
		words = append(words, e.Message)
	}
	noBokmal(t, "JSON", strings.Join(words, "\n"), rs, "ikkje")
}

// Months and small counts come from the catalogues in both languages.
func TestWordsNynorsk(t *testing.T) {
	p := lang.For(lang.NN)
	if got := MonthText(p, assessment.Month{Year: 2027, Month: 12}); got != "desember 2027" {
		t.Errorf("MonthText = %q", got)
	}
	if got := TopGapsTitle(p, 1); got != "Det viktigaste tiltaket" {
		t.Errorf("TopGapsTitle(1) = %q", got)
	}
	if got := CountWord(p, 1); got != "eitt" {
		t.Errorf("CountWord(1) = %q", got)
	}
	if got := JoinAnd(p, []string{"a", "b", "c"}); got != "a, b og c" {
		t.Errorf("JoinAnd = %q", got)
	}
}
