package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/report/internal/fixture"
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
