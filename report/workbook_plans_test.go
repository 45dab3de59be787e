package report

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/report/internal/fixture"
	"github.com/sirkel/sirkel/report/scores"
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
		if got := decisionKind(by).In(nb); got != want {
			t.Errorf("%q: %q, want %q", by, got, want)
		}
	}
}

// The Årshjul counts, for each plan and each of the coming sixteen
// quarters, the actions whose window for that plan falls in the quarter:
// what Gap.Windows says, quarter by quarter.
func TestReportCalendarCounts(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440-2026.2.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	sh := SheetCalendar
	// Dated 2026-11-20: from K4 2026, four years ahead.
	if got := wbValue(t, f, sh, 4, 1); got != "K4 2026" {
		t.Errorf("first quarter %q, want K4 2026", got)
	}
	if got := wbValue(t, f, sh, 19, 1); got != "K3 2030" {
		t.Errorf("last quarter %q, want K3 2030", got)
	}
	want := map[string][16]int{} // plan id → counts by quarter
	total := 0
	for _, g := range r.Gaps {
		for _, w := range g.Windows {
			total++
			if !w.Known {
				continue
			}
			k := (w.Month.Year-2026)*4 + (w.Month.Month-1)/3 + 1 - 4
			if k < 0 || k >= 16 {
				t.Fatalf("%s: window %v outside the grid", w.Plan, w.Month)
			}
			c := want[w.Plan]
			c[k]++
			want[w.Plan] = c
		}
	}
	seen := 0
	for _, p := range r.Questionnaire.Plans {
		_, row := wbFind(t, f, sh, p.Name.String())
		for k := range 16 {
			got := wbValue(t, f, sh, 4+k, row)
			if n := want[p.ID][k]; n == 0 && got != "" || n > 0 && got != strconv.Itoa(n) {
				t.Errorf("%s, %s: %q, want %d", p.ID, wbValue(t, f, sh, 4+k, 1), got, n)
			}
		}
		seen++
	}
	if seen == 0 {
		t.Fatal("no plan rows")
	}
	// Økonomiplanen's window is December 2027 (yearly, six months' lead),
	// in K4 2027.
	_, row := wbFind(t, f, sh, "Handlingsdel med økonomiplan og årsbudsjett")
	if got := wbValue(t, f, sh, 2, row); got != "desember 2027" {
		t.Errorf("økonomiplan: next %q", got)
	}
	if want["okonomiplan"][4] == 0 || wbValue(t, f, sh, 8, row) != strconv.Itoa(want["okonomiplan"][4]) {
		t.Errorf("økonomiplan: K4 2027 shows %q, want %d", wbValue(t, f, sh, 8, row), want["okonomiplan"][4])
	}
	_, row = wbFind(t, f, sh, "Alle planer")
	if got := wbValue(t, f, sh, 3, row); got != strconv.Itoa(total) {
		t.Errorf("all plans: %q actions, want %d", got, total)
	}
}

// Below the grid the Årshjul lists every action for every plan, earliest
// window first, the unknown windows last with how to fill them in.
func TestReportCalendarList(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440-2026.2.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	sh := SheetCalendar
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	_, head := wbFind(t, f, sh, "Tiltakene i den rekkefølgen de kan tas inn")
	months := map[string]int{}
	for m := 1; m <= 12; m++ {
		months[scores.MonthName(nb, m)] = m
	}
	var lines, unknown int
	last := 0
	note := ""
	for _, row := range rows[head:] {
		if len(row) == 0 || row[0] == "Når" {
			continue
		}
		if strings.HasPrefix(row[0], "Disse planene") || strings.HasPrefix(row[0], "Svarfilen") {
			note = row[0]
			continue
		}
		if strings.Contains(row[0], " – ") || strings.HasSuffix(row[0], "(forts.)") {
			continue // a group's band
		}
		lines++
		if len(row) < 4 {
			t.Fatalf("list row %v", row)
		}
		when, _, _ := strings.Cut(row[0], "\n")
		if when == "ukjent" {
			unknown++
			continue
		}
		if unknown > 0 {
			t.Errorf("%q after an unknown window", when)
		}
		m, y, _ := strings.Cut(when, " ")
		year, err := strconv.Atoi(y)
		if err != nil || months[m] == 0 {
			t.Fatalf("when %q", when)
		}
		if at := year*12 + months[m]; at < last {
			t.Errorf("%q comes after a later month", when)
		} else {
			last = at
		}
	}
	want, wantUnknown := 0, 0
	for _, g := range r.Gaps {
		want += len(g.Windows)
		for _, w := range g.Windows {
			if !w.Known {
				wantUnknown++
			}
		}
	}
	if lines != want || unknown != wantUnknown || unknown == 0 {
		t.Errorf("%d lines, %d unknown; want %d and %d", lines, unknown, want, wantUnknown)
	}
	if !strings.Contains(note, "«plans: {") || !strings.Contains(note, "{next: 2027-06}}»") {
		t.Errorf("no note on how to fill in plans: %q", note)
	}
}

// Every printed page of the Årshjul after the first starts with the
// list's header.
func TestReportCalendarPages(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440-2026.2.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	breaks := wbBreaks(t, f, SheetCalendar)
	if len(breaks) < 2 {
		t.Fatalf("%d page breaks, want several", len(breaks))
	}
	_, grid := wbFind(t, f, SheetCalendar, "Alle planer")
	if breaks[0] <= grid {
		t.Errorf("a page break at row %d splits the grid (to row %d)", breaks[0], grid)
	}
	for _, row := range breaks {
		v := wbValue(t, f, SheetCalendar, 1, row)
		if v != "Når" && v != "Tiltakene i den rekkefølgen de kan tas inn" {
			t.Errorf("page at row %d starts with %q", row, v)
		}
	}
}
