package scores

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/internal/fixture"
)

// nb prints bokmål, as the outputs do by default.
var nb = lang.For(lang.NB)

// checkWidth fails on a line wider than the 80 columns of a terminal.
func checkWidth(t *testing.T, out string) {
	t.Helper()
	for l := range strings.SplitSeq(strings.TrimRight(out, "\n"), "\n") {
		if w := ansi.StringWidth(l); w > lineWidth {
			t.Errorf("line %d columns wide:\n%s\n%s", w, l, out)
		}
	}
}

func TestTableListsTopGapsWithTheirWindows(t *testing.T) {
	r := fixture.Result(t, "../../testdata/oyer-3440-2026.2.yaml")
	var b bytes.Buffer
	if err := WriteTable(&b, "oyer.yaml", r, TableOptions{Gaps: TopGaps}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	fixture.ContainsAll(t, out,
		"Totalskår 40,8 av 100 · nivå Forankret · dekning 98 %\n82 gap · 0 ubesvart · 2 vet ikke\n",
		"\nDe fem viktigste tiltakene\n1. Vedta et tallfestet mål",
		"   Svar på styring-ressursmal: Ikke startet (0)\n   Neste anledning: desember 2027 – Kommuneplanens samfunnsdel\n2. ",
		// The earlier of a gap's windows: virksomhetsplan before anskaffelsesstrategi.
		"   Svar på naering-klimavekt: Påbegynt (2)\n   Neste anledning: januar 2027 – Virksomhetsplan\n",
	)
	if n := strings.Count(out, "Neste anledning: "); n != TopGaps {
		t.Errorf("%d gaps listed, want %d:\n%s", n, TopGaps, out)
	}
	checkWidth(t, out)

	b.Reset()
	if err := WriteTable(&b, "vestland.yaml", fixture.Result(t, "../../testdata/vestland-46.yaml"), TableOptions{Gaps: TopGaps}); err != nil {
		t.Fatal(err)
	}
	checkWidth(t, b.String()) // a fylkeskommune's areas have longer names

	b.Reset()
	if err := WriteTable(&b, "oyer.yaml", r, TableOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Neste anledning") {
		t.Errorf("gaps listed without being asked for:\n%s", b.String())
	}
}

// 2026.1 has no plan cycles: no window is known, and the table says how
// to give one.
func TestTableUnknownWindow(t *testing.T) {
	r := fixture.Result(t, "../../testdata/oyer-3440.yaml")
	var b bytes.Buffer
	if err := WriteTable(&b, "", r, TableOptions{Gaps: TopGaps}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "   Neste anledning: ukjent – oppgi plans: i svarfilen\n"); n != TopGaps {
		t.Errorf("%d unknown windows, want %d:\n%s", n, TopGaps, b.String())
	}
}

func TestHeadlineUncertain(t *testing.T) {
	r := fixture.Result(t, "../../testdata/partial-3440.yaml")
	if !r.Uncertain {
		t.Fatal("the partial answers should be uncertain")
	}
	want := "Totalskår 54,8 av 100 · nivå Etablerende · usikker – bare 14 % besvart\n7 gap · 72 ubesvart"
	if got := Headline(nb, r); got != want {
		t.Errorf("Headline = %q, want %q", got, want)
	}
	r.Coverage = assessment.Some(0)
	if got := Headline(nb, r); !strings.Contains(got, " · usikker – ingenting besvart\n") {
		t.Errorf("nothing answered: %q", got)
	}
}

func TestTopGapsTitle(t *testing.T) {
	for n, want := range map[int]string{1: "Det viktigste tiltaket", 3: "De tre viktigste tiltakene", 5: "De fem viktigste tiltakene", 12: "De 12 viktigste tiltakene"} {
		if got := TopGapsTitle(nb, n); got != want {
			t.Errorf("TopGapsTitle(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestMonthText(t *testing.T) {
	for m, want := range map[assessment.Month]string{{Year: 2027, Month: 1}: "januar 2027", {Year: 2027, Month: 12}: "desember 2027", {Year: 2028, Month: 5}: "mai 2028"} {
		if got := MonthText(nb, m); got != want {
			t.Errorf("MonthText(%v) = %q, want %q", m, got, want)
		}
	}
}

// The overview of many municipalities keeps to 80 columns even at its
// widest: long names, «100,0» everywhere, an uncertain total.
func TestOverviewFitsEightyColumns(t *testing.T) {
	var rows []ScoredFile
	for i, path := range []string{"../../testdata/oyer-3440-2026.2.yaml", "../../testdata/oyer-3440.yaml", "../../testdata/vestland-46.yaml", "../../testdata/partial-3440.yaml"} {
		rows = append(rows, ScoredFile{File: fmt.Sprint(i), Result: fixture.Result(t, path)})
	}
	widest := rows[1].Result
	widest.Answers.Municipality.Name = "Porsanger – Porsángu – Porsanki"
	widest.Total, widest.Coverage, widest.Uncertain = assessment.Some(100), assessment.Some(1), true
	for i := range widest.Areas {
		widest.Areas[i].Score = assessment.Some(100)
	}
	var b bytes.Buffer
	if err := WriteOverview(&b, rows, TableOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	checkWidth(t, out)
	lines := strings.Split(out, "\n")
	if got := strings.Fields(lines[0]); strings.Join(got, " ") != "Kommune Nr. Total Dekn. 1 2 3 4 5 6 7" {
		t.Errorf("header = %q", lines[0])
	}
	fixture.ContainsAll(t, out,
		"Øyer             3440   40,8    98 %   43,3  30,2  45,6  31,7  41,2  56,2  37,5",
		"Porsanger – Po…  3440  100,0*  100 %  100,0 100,0 100,0 100,0 100,0 100,0 100,0",
		"Øyer             3440   54,8*   14 %   51,9     –  75,0     –  30,0  62,2     –",
		"\n* usikker: ",
		"\nOmråder: 1 Styrings- og ledelsesprosesser · 2 Industri- og næringsutvikling\n3 Bygg",
	)
}

// A questionnaire with more areas than fit a line gets its areas in
// further blocks, each within 80 columns, every area shown.
func TestOverviewManyAreas(t *testing.T) {
	var q, a strings.Builder
	q.WriteString("kind: questionnaire\nid: mange\nversion: \"1\"\ntitle: Mange områder\nscale:\n  - {value: 0, label: Nei}\n  - {value: 4, label: Ja}\n" +
		"default_target: 3\nlevels:\n  - {min: 0, name: Start}\nsteps:\n  - {id: 1, name: Plan}\nareas:\n")
	a.WriteString("kind: answers\nquestionnaire: {id: mange, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-20\nanswers:\n")
	for i := range 20 {
		fmt.Fprintf(&q, "  - id: omr%d\n    name: Område nummer %d\n    questions:\n      - {id: sp%d, text: Spørsmål, step: 1}\n", i+1, i+1, i+1)
		fmt.Fprintf(&a, "  sp%d: 4\n", i+1)
	}
	qu, ds := assessment.ParseQuestionnaire("mange.yaml", []byte(q.String()))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	r := fixture.Evaluate(t, qu, "a.yaml", []byte(a.String()))
	var b bytes.Buffer
	if err := WriteOverview(&b, []ScoredFile{{File: "a.yaml", Result: r}}, TableOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	checkWidth(t, out)
	if n := strings.Count(out, "100,0"); n != 21 {
		t.Errorf("%d scores of 100,0, want the total and 20 areas:\n%s", n, out)
	}
	if n := strings.Count(out, "Kommune"); n < 2 {
		t.Errorf("the areas should need more than one block:\n%s", out)
	}
	if !strings.Contains(out, "20 Område nummer 20") {
		t.Errorf("the key misses area 20:\n%s", out)
	}
}
