package answersheet

import (
	"bytes"
	"errors"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/internal/fixture"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// tmplMiniAnswers answers every question type of the mini questionnaire,
// with «ikke relevant», a comment without an answer, targets and several
// respondents.
const tmplMiniAnswers = `kind: answers
questionnaire: {id: mini, version: "1"}
municipality: {name: Oslo, number: "0301"}
respondents:
  - {name: Kari Nordbø, role: Klimarådgiver, email: kari@example.no}
  - {name: Per Ås}
date: 2026-11-20
targets: {styring: 4}
answers:
  styring-plan: {value: 2, comment: "Vedtatt i 2025; =SUM(A1) er tekst"}
  styring-budsjett: {comment: Usikkert – sjekkes med økonomi}
  styring-merknad: "Æ, ø og å\nover to linjer"
  bygg-ombruk: 12.5
  bygg-krav: {value: [lcc, kartlegging], comment: Begge}
  bygg-rolle: {value: na, comment: Ingen byggeprosjekter}
`

func tmplWrite(t *testing.T, q *assessment.Questionnaire, from *assessment.Checked) []byte {
	t.Helper()
	var buf bytes.Buffer
	opt := Options{From: from, Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), ToolVersion: "test"}
	if err := Write(&buf, q, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readBack reads a workbook as the CLI does and checks it.
func tmplReadBack(t *testing.T, q *assessment.Questionnaire, data []byte) (*assessment.Checked, assessment.Diagnostics) {
	t.Helper()
	s, err := Open("svarskjema.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	c, ds := s.Answers(q).Check(q, assessment.CheckOptions{})
	return c, s.Diagnostics(ds)
}

// tmplMeaning is an answer as it is scored, for comparing answers however
// they were written.
type tmplMeaning struct {
	Kind    assessment.ValueKind
	Number  float64
	Options string
	Text    string
	Comment string
}

func tmplMeanings(c *assessment.Checked) map[string]tmplMeaning {
	m := make(map[string]tmplMeaning)
	for _, id := range c.Answers.Answers.Order {
		ans := c.Answers.Answers.ByID[id]
		qu, _, _ := c.Questionnaire.Question(id)
		v := c.Value(qu)
		if v.Kind == assessment.ValueNone && ans.Comment == "" {
			continue // the same as no answer
		}
		m[id] = tmplMeaning{v.Kind, v.Number, strings.Join(v.Options, ","), v.Text, ans.Comment}
	}
	return m
}

func tmplSame(t *testing.T, wantC, gotC *assessment.Checked) {
	t.Helper()
	gm, wm := tmplMeanings(gotC), tmplMeanings(wantC)
	want, got := wantC.Answers, gotC.Answers
	if got.Questionnaire != want.Questionnaire || got.Municipality != want.Municipality || got.Date.String() != want.Date.String() {
		t.Errorf("header: got %v %v %s, want %v %v %s", got.Questionnaire, got.Municipality, got.Date, want.Questionnaire, want.Municipality, want.Date)
	}
	if !slices.Equal(got.Respondents, want.Respondents) {
		t.Errorf("respondents: got %v, want %v", got.Respondents, want.Respondents)
	}
	if len(got.Targets) != len(want.Targets) {
		t.Errorf("targets: got %v, want %v", got.Targets, want.Targets)
	}
	for k, v := range want.Targets {
		if got.Targets[k] != v {
			t.Errorf("targets: got %v, want %v", got.Targets, want.Targets)
		}
	}
	for id, w := range wm {
		if g, ok := gm[id]; !ok || g != w {
			t.Errorf("%s: got %+v, want %+v", id, g, w)
		}
	}
	for id, g := range gm {
		if _, ok := wm[id]; !ok {
			t.Errorf("%s: read back %+v, which was not in the answers", id, g)
		}
	}
}

func TestAnswerSheetRoundTrip(t *testing.T) {
	oyer, err := os.ReadFile("../../testdata/oyer-3440.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, questionnaire string
		answers             []byte
	}{
		{"mini", "../../testdata/mini-questionnaire.yaml", []byte(tmplMiniAnswers)},
		{"oyer", "../../questionnaires/ks-sirkulaer-2026.1.yaml", oyer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := fixture.Questionnaire(t, tc.questionnaire)
			want := fixture.Answers(t, q, tc.name+".yaml", tc.answers)
			got, ds := tmplReadBack(t, q, tmplWrite(t, q, want))
			if len(ds) > 0 {
				t.Fatalf("read back with problems:\n%s", ds.Error())
			}
			tmplSame(t, want, got)
			ws, gs := assessment.Evaluate(want), assessment.Evaluate(got)
			if ws.Total != gs.Total || ws.Coverage != gs.Coverage {
				t.Errorf("score %v/%v read back as %v/%v", ws.Total, ws.Coverage, gs.Total, gs.Coverage)
			}
		})
	}
}

func TestAnswerSheetTemplateWithoutAnswers(t *testing.T) {
	q := fixture.Questionnaire(t, "../../testdata/mini-questionnaire.yaml")
	got, ds := tmplReadBack(t, q, tmplWrite(t, q, nil))
	if got.Answers.Answers.Len() != 0 {
		t.Errorf("an empty template has answers: %v", got.Answers.Answers.Order)
	}
	if got.Answers.Date.String() != "2026-11-21" {
		t.Errorf("date %q, want the day the template was made", got.Answers.Date)
	}
	want := []string{
		"svarskjema.xlsx: Om!B15: mangler kommune; fyll inn cellen ved «Kommune»",
		"svarskjema.xlsx: Om!B16: mangler kommunenummer; fyll inn cellen ved «Kommunenummer»",
	}
	if msgs := tmplDiagStrings(ds); !slices.Equal(msgs, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func tmplDiagStrings(ds assessment.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

// editSheet opens a workbook, lets edit change it, and returns the result.
func tmplEdit(t *testing.T, data []byte, edit func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	edit(f)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rowOf finds the row of a question on the Svar sheet.
func tmplRowOf(t *testing.T, f *excelize.File, id string) int {
	t.Helper()
	rows, err := f.GetRows(sheetAnswers.String())
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == id {
			return i + 1
		}
	}
	t.Fatalf("no row for %s", id)
	return 0
}

func tmplSet(t *testing.T, f *excelize.File, sheet, ref string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, ref, v); err != nil {
		t.Fatal(err)
	}
}

// TestAnswerSheetEditChangesScore edits answers as a person would (labels
// typed in another case, a number as text with a decimal comma, options
// separated by «;») and checks the score against one computed by hand.
func TestAnswerSheetEditChangesScore(t *testing.T) {
	q := fixture.Questionnaire(t, "../../testdata/mini-questionnaire.yaml")
	from := fixture.Answers(t, q, "mini.yaml", []byte(tmplMiniAnswers))
	data := tmplEdit(t, tmplWrite(t, q, from), func(f *excelize.File) {
		tmplSet(t, f, sheetAnswers.String(), sheet.Cell(colAnswer, tmplRowOf(t, f, "styring-plan")), "  etablert ")
		tmplSet(t, f, sheetAnswers.String(), sheet.Cell(colAnswer, tmplRowOf(t, f, "styring-budsjett")), "Nei")
		tmplSet(t, f, sheetAnswers.String(), sheet.Cell(colAnswer, tmplRowOf(t, f, "bygg-ombruk")), "25,0")
		tmplSet(t, f, sheetAnswers.String(), sheet.Cell(colAnswer, tmplRowOf(t, f, "bygg-krav")), "Annet;  Ombrukskartlegging ;")
		tmplSet(t, f, sheetAnswers.String(), sheet.Cell(colAnswer, tmplRowOf(t, f, "bygg-rolle")), "Deltaker")
	})
	got, ds := tmplReadBack(t, q, data)
	if len(ds) > 0 {
		t.Fatalf("read back with problems:\n%s", ds.Error())
	}
	r := assessment.Evaluate(got)
	// styring (weight 2): plan 3 of 0–4 → 0.75, budsjett nei → 0: 37.5.
	// bygg (weight 1): ombruk 25 of 0–50 → 0.5; krav annet 0.25 +
	// kartlegging 0.5 → 0.75; rolle deltaker → 0.5: 58.33….
	// Total: (2 × 37.5 + 58.33…) / 3 = 44.44….
	want := (2*37.5 + 100*(0.5+0.75+0.5)/3) / 3
	if !r.Total.Defined || math.Abs(r.Total.Value-want) > 1e-9 {
		t.Errorf("total %v, want %v", r.Total, want)
	}
	qu, _, _ := q.Question("bygg-krav")
	if v := got.Value(qu); !slices.Equal(v.Options, []string{"annet", "kartlegging"}) {
		t.Errorf("bygg-krav read as %v", v.Options)
	}
}

func TestAnswerSheetBadSheets(t *testing.T) {
	q := fixture.Questionnaire(t, "../../testdata/mini-questionnaire.yaml")
	from := fixture.Answers(t, q, "mini.yaml", []byte(tmplMiniAnswers))
	good := tmplWrite(t, q, from)
	answer := func(id string, v any) func(*testing.T, *excelize.File) {
		return func(t *testing.T, f *excelize.File) {
			tmplSet(t, f, sheetAnswers.String(), sheet.Cell(colAnswer, tmplRowOf(t, f, id)), v)
		}
	}
	about := func(ref string, v any) func(*testing.T, *excelize.File) {
		return func(t *testing.T, f *excelize.File) { tmplSet(t, f, sheetAbout.String(), ref, v) }
	}
	for _, tc := range []struct {
		name string
		edit func(*testing.T, *excelize.File)
		want []string // regular expressions, one per diagnostic
	}{
		{"unknown label", answer("styring-plan", "Delvis"),
			[]string{`^svarskjema.xlsx: Svar!G2: «Delvis» er ikke en verdi på skalaen; gyldige verdier: 0 \(Ikke startet\), 1 \(Planlagt\), 2 \(Påbegynt\), 3 \(Etablert\), 4 \(Systematisk og evaluert\), eller vet-ikke$`}},
		{"number cell with text", answer("bygg-ombruk", "ganske mye"),
			[]string{`^svarskjema.xlsx: Svar!G5: «ganske mye» er ikke et tall; skriv et tall \(prosent\), for eksempel 42,5, eller na \(ikke relevant\), eller vet-ikke$`}},
		{"unknown option", answer("bygg-krav", "Livssykluskostnader; Gjenbruk"),
			[]string{`^svarskjema.xlsx: Svar!G6: ukjent alternativ «Gjenbruk»; gyldige alternativer: kartlegging \(Ombrukskartlegging\), lcc \(Livssykluskostnader\), annet \(Annet\); skriv flere`}},
		{"option twice", answer("bygg-krav", "Annet; annet"),
			[]string{`^svarskjema.xlsx: Svar!G6: alternativet «annet» er valgt to ganger`}},
		{"not applicable where not allowed", answer("styring-budsjett", "Ikke relevant"),
			[]string{`^svarskjema.xlsx: Svar!G3: «na» \(ikke relevant\) er ikke tillatt for dette spørsmålet`}},
		{"missing id column", func(t *testing.T, f *excelize.File) { tmplSet(t, f, sheetAnswers.String(), "A1", "Nøkkel") },
			[]string{`^svarskjema.xlsx: Svar: fant ingen kolonne med overskriften «id»`}},
		{"missing answer column", func(t *testing.T, f *excelize.File) { tmplSet(t, f, sheetAnswers.String(), "G1", "Ditt svar") },
			[]string{`^svarskjema.xlsx: Svar!1: fant ingen kolonne med overskriften «Svar»`}},
		{"unknown question id", func(t *testing.T, f *excelize.File) { tmplSet(t, f, sheetAnswers.String(), "A2", "styring-plam") },
			[]string{`^svarskjema.xlsx: Svar!A2: ukjent spørsmål «styring-plam» i skjemaet mini@1 .*mente du «styring-plan»`}},
		{"question twice", func(t *testing.T, f *excelize.File) { tmplSet(t, f, sheetAnswers.String(), "A3", "styring-plan") },
			[]string{`^svarskjema.xlsx: Svar!A3: spørsmålet «styring-plan» står også i rad 2; hvert spørsmål skal stå i én rad$`}},
		{"wrong questionnaire", about("B14", "ks-sirkulaer@2026.1"),
			[]string{`^svarskjema.xlsx: Om!B14: svarfilen gjelder spørreskjemaet «ks-sirkulaer», men blir sjekket mot «mini»`}},
		{"questionnaire without version", about("B14", "mini"),
			[]string{`^svarskjema.xlsx: Om!B14: «mini» sier ikke hvilket spørreskjema og hvilken versjon`}},
		{"bad kommunenummer", about("B16", "34400"),
			[]string{`^svarskjema.xlsx: Om!B16: ugyldig kommunenummer «34400»`}},
		{"unknown kommunenummer", about("B16", "3499"),
			[]string{`^svarskjema.xlsx: Om!B16: kommunenummeret 3499 finnes ikke`}},
		{"bad date", about("B17", "i fjor"),
			[]string{`^svarskjema.xlsx: Om!B17: «i fjor» er ikke en dato; skriv datoen som ÅÅÅÅ-MM-DD`}},
		{"bad e-mail", about("D21", "kari(at)example.no"),
			[]string{`^svarskjema.xlsx: Om!D21: «kari\(at\)example.no» er ikke en e-postadresse`}},
		{"respondent without name", about("B21", ""),
			[]string{`^svarskjema.xlsx: Om!B21: mangler navnet på respondenten`}},
		{"text too long", func(t *testing.T, f *excelize.File) {
			tmplSet(t, f, sheetAnswers.String(), "H4", strings.Repeat("ø", 10_001))
		},
			[]string{`^svarskjema.xlsx: Svar!H4: teksten er for lang \(over 10000 tegn\)`}},
		{"bad target", about("B31", "Middels"),
			[]string{`^svarskjema.xlsx: Om!B31: «Middels» er ikke et nivå på skalaen`}},
		{"several problems in sheet order", func(t *testing.T, f *excelize.File) {
			tmplSet(t, f, sheetAnswers.String(), "G6", "x")
			tmplSet(t, f, sheetAnswers.String(), "G2", "y")
			tmplSet(t, f, sheetAbout.String(), "B16", "3499")
		}, []string{`^svarskjema.xlsx: Om!B16: `, `^svarskjema.xlsx: Svar!G2: «y»`, `^svarskjema.xlsx: Svar!G6: ukjent alternativ «x»`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tmplEdit(t, good, func(f *excelize.File) { tc.edit(t, f) })
			_, ds := tmplReadBack(t, q, data)
			got := tmplDiagStrings(ds.Errors())
			if len(got) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i, re := range tc.want {
				if !regexp.MustCompile(re).MatchString(got[i]) {
					t.Errorf("error %d:\n got  %s\n want %s", i, got[i], re)
				}
			}
		})
	}
}

// TestAnswerSheetFindsMovedColumns reads a sheet whose columns were moved
// and whose rows were re-sorted, as a person may do.
func TestAnswerSheetFindsMovedColumns(t *testing.T) {
	q := fixture.Questionnaire(t, "../../testdata/mini-questionnaire.yaml")
	from := fixture.Answers(t, q, "mini.yaml", []byte(tmplMiniAnswers))
	data := tmplEdit(t, tmplWrite(t, q, from), func(f *excelize.File) {
		if err := f.InsertCols(sheetAnswers.String(), "A", 2); err != nil {
			t.Fatal(err)
		}
		if err := f.InsertRows(sheetAnswers.String(), 1, 1); err != nil { // a title row above the header
			t.Fatal(err)
		}
		tmplSet(t, f, sheetAnswers.String(), "A1", "Svar fra byggavdelingen")
		if err := f.RemoveCol(sheetAnswers.String(), "F"); err != nil { // Trinn
			t.Fatal(err)
		}
	})
	got, ds := tmplReadBack(t, q, data)
	if len(ds) > 0 {
		t.Fatalf("read back with problems:\n%s", ds.Error())
	}
	tmplSame(t, from, got)
}

func TestAnswerSheetTemplateCells(t *testing.T) {
	q := fixture.Questionnaire(t, "../../testdata/mini-questionnaire.yaml")
	from := fixture.Answers(t, q, "mini.yaml", []byte(tmplMiniAnswers))
	f, err := excelize.OpenReader(bytes.NewReader(tmplWrite(t, q, from)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheetAbout.String(), sheetAnswers.String(), sheetLists.String()}) {
		t.Errorf("sheets %v", got)
	}
	if v, _ := f.GetSheetVisible(sheetLists.String()); v {
		t.Error("the list sheet is visible")
	}
	// No cell holds a formula, whatever the answers contain.
	fixture.NoFormulas(t, f)
	row := 2 // styring-plan
	if v, _ := f.GetCellValue(sheetAnswers.String(), sheet.Cell(colComment, row)); v != "Vedtatt i 2025; =SUM(A1) er tekst" {
		t.Errorf("comment %q", v)
	}
	dvs, err := f.GetDataValidations(sheetAnswers.String())
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, dv := range dvs {
		for _, ref := range strings.Fields(dv.Sqref) {
			kinds[ref] = dv.Type + " " + dv.Formula1
		}
	}
	for ref, want := range map[string]string{
		"G2": "list 'Lister'!$B$1:$B$6",                                  // scale + Vet ikke (column A is the targets' scale)
		"G3": "list 'Lister'!$C$1:$C$3",                                  // yes/no + Vet ikke
		"G5": `custom OR(ISNUMBER(G5),G5="Vet ikke",G5="Ikke relevant")`, // number where na is allowed
		"G7": "list 'Lister'!$D$1:$D$5",                                  // choice + Vet ikke + Ikke relevant
	} {
		if kinds[ref] != want {
			t.Errorf("validation of %s: %q, want %q", ref, kinds[ref], want)
		}
	}
	lists, _ := f.GetRows(sheetLists.String())
	column := func(col int) []string {
		var out []string
		for _, r := range lists {
			if col < len(r) && r[col] != "" {
				out = append(out, r[col])
			}
		}
		return out
	}
	if got := column(1); !slices.Equal(got, []string{"Ikke startet", "Planlagt", "Påbegynt", "Etablert", "Systematisk og evaluert", "Vet ikke"}) {
		t.Errorf("scale list %v", got)
	}
	if got := column(3); !slices.Equal(got, []string{"Ingen", "Pådriver", "Deltaker", "Vet ikke", "Ikke relevant"}) {
		t.Errorf("choice list %v", got)
	}
	props, _ := f.GetCustomProps()
	if len(props) != 1 || props[0].Value != "mini@1" {
		t.Errorf("custom properties %v", props)
	}
	// The printout leaves out the id column.
	area := ""
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Area" && dn.Scope == sheetAnswers.String() {
			area = dn.RefersTo
		}
	}
	if area != "'Svar'!$B:$J" {
		t.Errorf("print area of Svar %q", area)
	}
}

func TestOpenAnswerSheetOtherWorkbooks(t *testing.T) {
	f := excelize.NewFile()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	_, err := Open("rapport.xlsx", buf.Bytes())
	var other *OtherWorkbookError
	if !errors.As(err, &other) {
		t.Errorf("a workbook without the sheets: %v", err)
	}
	_, err = Open("tull.xlsx", []byte("PK\x03\x04 not really a zip"))
	var ds assessment.Diagnostics
	if !errors.As(err, &ds) || !strings.Contains(ds.Error(), "tull.xlsx: kan ikke lese Excel-filen") {
		t.Errorf("a broken zip: %v", err)
	}
}
