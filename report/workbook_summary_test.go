package report

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/internal/fixture"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// The top actions on Sammendrag say when each can next be taken into a
// plan: the earliest window of its plans, as a Norwegian month.
func TestReportSummaryNextWindow(t *testing.T) {
	months := []string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}
	for _, file := range []string{"../testdata/oyer-3440-2026.2.yaml", "../testdata/oyer-3440.yaml"} {
		r := fixture.Result(t, file)
		f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
		col, head := wbFind(t, f, SheetSummary, "Neste anledning")
		known := 0
		for i := range 5 {
			want := "ukjent"
			if w := r.Gaps[i].NextWindow; w != nil {
				want = fmt.Sprintf("%s %d", months[w.Month.Month-1], w.Month.Year)
				known++
			}
			if got := wbValue(t, f, SheetSummary, col, head+1+i); got != want {
				t.Errorf("%s, action %d: next %q, want %q", file, i+1, got, want)
			}
		}
		// 2026.2 gives the plans cycles; 2026.1 has none.
		if strings.Contains(file, "2026.2") != (known > 0) {
			t.Errorf("%s: %d known windows among the top actions", file, known)
		}
	}
	r := fixture.Result(t, "../testdata/oyer-3440-2026.2.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	col, head := wbFind(t, f, SheetSummary, "Neste anledning")
	// The first action belongs in the samfunnsdel, next revised in 2027
	// by the answers file: its December.
	if got := wbValue(t, f, SheetSummary, col, head+1); got != "desember 2027" {
		t.Errorf("first action: %q", got)
	}
}

// A total on too few answers is shown with its level, and says in words
// that it is uncertain and how much is answered.
func TestReportUncertainTotal(t *testing.T) {
	for _, tc := range []struct {
		file, total, level string
	}{
		{"../testdata/partial-3440.yaml", "usikker – bare 14 % besvart", "nivå 3 av 5 (usikkert)"},
		{"../testdata/oyer-3440.yaml", "poeng av 100", "nivå 2 av 5"},
	} {
		r := fixture.Result(t, tc.file)
		if r.Uncertain != strings.Contains(tc.total, "usikker") {
			t.Fatalf("%s: Uncertain %v", tc.file, r.Uncertain)
		}
		f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
		col, row := wbFind(t, f, SheetSummary, "Samlet skår")
		if got := wbValue(t, f, SheetSummary, col, row+2); got != tc.total {
			t.Errorf("%s: under the total %q, want %q", tc.file, got, tc.total)
		}
		col, row = wbFind(t, f, SheetSummary, "Modenhetsnivå")
		if got := wbValue(t, f, SheetSummary, col, row+1); got != r.Level.Name() {
			t.Errorf("%s: level %q, want %q", tc.file, got, r.Level.Name())
		}
		if got := wbValue(t, f, SheetSummary, col, row+2); got != tc.level {
			t.Errorf("%s: under the level %q, want %q", tc.file, got, tc.level)
		}
	}
}

// «Vet ikke» answers are a key finding naming the areas with the most of
// them, are listed on Sammendrag with their ids, and show on Svar marked
// as such.
func TestReportUnknownAnswers(t *testing.T) {
	src, err := os.ReadFile("../testdata/oyer-3440-2026.2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for _, id := range []string{"styring-kunnskapsgrunnlag: 2", "styring-ressursmal: 0", "styring-lcc: 2"} {
		s = strings.Replace(s, id, strings.Split(id, ":")[0]+": vet-ikke", 1)
	}
	r := fixture.ResultFrom(t, "vet-ikke.yaml", []byte(s))
	if len(r.Unknown) != 5 {
		t.Fatalf("%d «vet ikke» answers, want 5", len(r.Unknown))
	}
	want := "Fem spørsmål ble besvart med «vet ikke», flest i «Styrings- og ledelsesprosesser» (3), «Industri- og næringsutvikling» (1) og «Bygg, areal og infrastruktur» (1). Finn ut hvem i kommunen som vet svaret"
	found := false
	for _, fs := range KeyFindings(nb, r, nil) {
		found = found || strings.HasPrefix(fs, want)
	}
	if !found {
		t.Errorf("no finding %q in %q", want, KeyFindings(nb, r, nil))
	}
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	if !strings.Contains(wbSheetText(t, f, SheetSummary), want) {
		t.Error("the finding is not on Sammendrag")
	}
	_, head := wbFind(t, f, SheetSummary, "Spørsmål besvart med «vet ikke»")
	col, _ := wbFindAfter(t, f, SheetSummary, "Id i svarfilen", head)
	for i, qu := range r.Unknown {
		if got := wbValue(t, f, SheetSummary, col, head+2+i); got != qu.ID {
			t.Errorf("«vet ikke» %d: %q, want %s", i+1, got, qu.ID)
		}
		if got := wbValue(t, f, SheetSummary, 2, head+2+i); got != qu.Text.String() {
			t.Errorf("«vet ikke» %d: question %q", i+1, got)
		}
	}
	// Svar: the answer reads «Vet ikke», on the fill of a missing answer.
	for _, qu := range r.Unknown {
		c, row := wbFind(t, f, SheetAnswers, qu.ID)
		ref := sheet.Cell(c-7, row)
		if got, _ := f.GetCellValue(SheetAnswers, ref); got != assessment.DontKnowLabel {
			t.Errorf("Svar, %s: %q", qu.ID, got)
		}
		if fill := wbFill(t, f, SheetAnswers, ref); fill == "" {
			t.Errorf("Svar, %s: «Vet ikke» is not marked", qu.ID)
		}
	}
}

// wbFill is a cell's solid fill colour, "" for none.
func wbFill(t testing.TB, f *excelize.File, sh, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(sh, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.Fill.Type != "pattern" || len(st.Fill.Color) == 0 {
		return ""
	}
	return st.Fill.Color[0]
}

// A fylkeskommune's report speaks of «fylkeskommunen» and «fylkestinget»:
// outside what the questionnaire and the answers file say (names, plan
// titles, questions, comments), no text of the report says «kommunen»,
// «kommunestyret», «kommunedirektøren» or «kommuner».
func TestReportFylkeWords(t *testing.T) {
	r := fixture.Result(t, "../testdata/vestland-46.yaml")
	q := r.Questionnaire
	if q.Words().Org != "fylkeskommunen" {
		t.Fatalf("%s is not for fylkeskommuner", q.ID)
	}
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))

	// Everything the questionnaire and the answers file give the report.
	given := questionnaireTexts(reflect.ValueOf(q).Elem(), nil)
	for _, qr := range r.Questions {
		if qr.Answer != nil && qr.Answer.Comment != "" {
			given = append(given, qr.Answer.Comment)
		}
	}
	for _, p := range r.Answers.Respondents {
		given = append(given, p.Name, p.Role)
	}
	// The longest first, so that a text is removed before a part of it.
	slices.SortStableFunc(given, func(a, b string) int { return len(b) - len(a) })

	respondent := regexp.MustCompile(`(?i)(^|[^\p{L}])(kommunen|kommunestyret|kommunedirektøren|kommuner)([^\p{L}]|$)`)
	quoted := regexp.MustCompile(`«[^»]*»`)
	checked := 0
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r, cells := range rows {
			for c, v := range cells {
				text := v
				for _, g := range given {
					text = strings.ReplaceAll(text, g, "")
				}
				text = quoted.ReplaceAllString(text, "")
				if m := respondent.FindString(text); m != "" {
					t.Errorf("%s!%s speaks of %q: %q", sh, sheet.Cell(c+1, r+1), strings.TrimSpace(m), v)
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d cells checked", checked)
	}
	text := wbSheetText(t, f, SheetSummary)
	if !strings.Contains(text, "Fylkeskommunen har kommet lengst i") {
		t.Error("Sammendrag does not speak of «fylkeskommunen»")
	}
	if !strings.Contains(wbSheetText(t, f, SheetPlans), "Vedtas av: fylkestinget (politisk vedtak)") {
		t.Error("Planverk does not name fylkestinget")
	}
}

// questionnaireTexts collects the bokmål of every assessment.Text that v
// holds, in exported fields, slices and pointers.
func questionnaireTexts(v reflect.Value, out []string) []string {
	for _, t := range collectTexts(v, nil) {
		if t.NB != "" {
			out = append(out, t.NB)
		}
	}
	return out
}

// withEvidence is Øyer's 2026.2 answers (four of them documented) with
// one more answer given by someone and documented.
func withEvidence(t testing.TB) *assessment.Result {
	t.Helper()
	src, err := os.ReadFile("../testdata/oyer-3440-2026.2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "  styring-lcc: 2\n",
		"  styring-lcc: {value: 2, by: Silje Haugen, evidence: [sak 2025/123, https://oyer.kommune.no/lcc]}\n", 1)
	return fixture.ResultFrom(t, "dokumentert.yaml", []byte(s))
}

// Svar says who gave each answer and where it is documented; Sammendrag
// says how many of the answers are documented.
func TestReportAnswersByAndEvidence(t *testing.T) {
	r := withEvidence(t)
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	sh := SheetAnswers
	by, head := wbFind(t, f, sh, "Besvart av")
	evidence, _ := wbFind(t, f, sh, "Dokumentasjon")
	for id, want := range map[string][2]string{
		"styring-lcc":               {"Silje Haugen", "sak 2025/123; https://oyer.kommune.no/lcc"},
		"styring-planstrategi":      {"Kari Nordbø", "Kommunestyresak 58/24; Kommunal planstrategi 2024–2027 kap. 4"},
		"styring-temaplan":          {"Kari Nordbø", "Formannskapssak 12/26 (oppstart)"},
		"styring-kunnskapsgrunnlag": {"", ""},
	} {
		_, row := wbFindAfter(t, f, sh, id, head)
		if got := [2]string{wbValue(t, f, sh, by, row), wbValue(t, f, sh, evidence, row)}; got != want {
			t.Errorf("%s: by and evidence %q, want %q", id, got, want)
		}
	}
	answered := 0
	for _, qr := range r.Questions {
		if qr.Status == assessment.Answered || qr.Status == assessment.NotApplicable {
			answered++
		}
	}
	want := fmt.Sprintf("Dokumentert: 5 av %d svar", answered)
	if !strings.Contains(wbSheetText(t, f, SheetSummary), want) {
		t.Errorf("Sammendrag does not say %q", want)
	}
	// Without any evidence the line says so: none of them is documented.
	f = wbOpen(t, wbWrite(t, fixture.Result(t, "../testdata/oyer-3440.yaml"), ReportOptions{}))
	if want := "Dokumentert: 0 av 84 svar"; !strings.Contains(wbSheetText(t, f, SheetSummary), want) {
		t.Errorf("Sammendrag does not say %q", want)
	}
}
