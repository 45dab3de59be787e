package report

import (
	"os"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/report/internal/fixture"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// wbRowStarting returns the first row whose first cell starts with
// prefix, and that cell's text.
func wbRowStarting(t testing.TB, f *excelize.File, sheet, prefix string) (int, string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, cells := range rows {
		if len(cells) > 0 && strings.HasPrefix(cells[0], prefix) {
			return r + 1, cells[0]
		}
	}
	t.Fatalf("%s: no row starts with «%s»", sheet, prefix)
	return 0, ""
}

// planFactsOf returns the facts line of a plan's group on Planverk: the
// first row under its heading that starts with a label.
func planFactsOf(t testing.TB, f *excelize.File, name string) string {
	t.Helper()
	row, _ := wbRowStarting(t, f, SheetPlans, name+" – ")
	for r := row + 1; r <= row+3; r++ {
		if v := wbValue(t, f, SheetPlans, 1, r); strings.HasPrefix(v, "Hjemmel: ") || strings.HasPrefix(v, "Del av: ") || strings.HasPrefix(v, "Neste anledning: ") {
			return v
		}
	}
	t.Fatalf("Planverk: «%s» has no facts line", name)
	return ""
}

// Each plan on Planverk says its legal basis, who adopts it and whether
// that is a political decision, and its next window: from the plan's
// cycle, from the answers file's plans block, or unknown with what to do.
func TestReportPlanverkFacts(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440-2026.2.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	for _, tc := range []struct {
		plan string
		want []string
	}{
		// Dated 2026-11-20; yearly in December with six months' lead: the
		// budget of 2027 can no longer take input, that of 2028 can.
		{"Handlingsdel med økonomiplan og årsbudsjett", []string{
			"Hjemmel: pbl. § 11-1 (handlingsdel) og kommuneloven §§ 14-3 og 14-4",
			"Vedtas av: kommunestyret (politisk vedtak)",
			"Neste anledning: desember 2027 (etter planens syklus: vedtas hvert år i desember; innspill senest juni 2027)",
		}},
		{"Budsjettskriv", []string{"Vedtas av: kommunedirektøren (administrativt vedtak)"}},
		{"Avfallsplan", []string{
			"Del av: Kommunedelplaner og temaplaner",
			"Neste anledning: oktober 2027 (oppgitt i svarfilen)",
		}},
		{"Klima- og miljøplan (klima- og energiplan)", []string{"Sist vedtatt: 2020", "Status: under revisjon"}},
		{"Planprogram", []string{"Neste anledning: ukjent – oppgi i svarfilen (plans:)"}},
	} {
		facts := planFactsOf(t, f, tc.plan)
		for _, w := range tc.want {
			if !strings.Contains(facts, w) {
				t.Errorf("%s: facts %q lack %q", tc.plan, facts, w)
			}
		}
	}

	// A sub-plan stands under its parent, before the next plan of its own,
	// and its heading is indented.
	parent, _ := wbRowStarting(t, f, SheetPlans, "Kommunedelplaner og temaplaner – ")
	sub, _ := wbRowStarting(t, f, SheetPlans, "Avfallsplan – ")
	next, _ := wbRowStarting(t, f, SheetPlans, "Eierskapsmelding og eierstrategier – ")
	if !(parent < sub && sub < next) {
		t.Errorf("Avfallsplan at row %d, want between its parent (%d) and the next plan (%d)", sub, parent, next)
	}
	for _, tc := range []struct {
		row    int
		indent bool
	}{{parent, false}, {sub, true}} {
		id, err := f.GetCellStyle(SheetPlans, sheet.Cell(1, tc.row))
		if err != nil {
			t.Fatal(err)
		}
		style, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if got := style.Alignment != nil && style.Alignment.Indent > 0; got != tc.indent {
			t.Errorf("row %d: indented %v, want %v", tc.row, got, tc.indent)
		}
	}
}

// A next revision in the answers file that has passed leaves the plan's
// own rule; a decided plan is then unknown, and the sheet says why.
func TestReportPlanverkPastNext(t *testing.T) {
	src, err := os.ReadFile("../testdata/oyer-3440-2026.2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "temaplan-avfall: {next: 2027-10}", "temaplan-avfall: {next: 2025-06}", 1)
	r := fixture.ResultFrom(t, "passert.yaml", []byte(s))
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	want := "Neste anledning: ukjent – neste vedtak i svarfilen (2025-06) er passert; oppgi et nytt i svarfilen (plans:)"
	if facts := planFactsOf(t, f, "Avfallsplan"); !strings.Contains(facts, want) {
		t.Errorf("facts %q lack %q", facts, want)
	}
}

func TestDecisionKind(t *testing.T) {
	for by, want := range map[string]string{
		"kommunestyret":           "politisk vedtak",
		"fylkestinget":            "politisk vedtak",
		"bystyret":                "politisk vedtak",
		"formannskapet":           "politisk vedtak",
		"kommunedirektøren":       "administrativt vedtak",
		"fylkeskommunedirektøren": "administrativt vedtak",
		"rådmannen":               "administrativt vedtak",
		"kommunestyret etter innstilling fra kommunedirektøren": "politisk vedtak",
		"renovasjonsselskapet": "",
		"":                     "",
	} {
		if got := decisionKind(by); got != want {
			t.Errorf("%q: %q, want %q", by, got, want)
		}
	}
}
