package assessment

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// calendarQ is a small questionnaire whose plans have every kind of cycle:
// yearly with and without lead, election, decided, inherited from a parent
// and a grand-parent, and none.
const calendarQ = `kind: questionnaire
id: kalender
version: "1"
title: Plankalender
scale:
  - {value: 0, label: Ikke startet}
  - {value: 1, label: Planlagt}
  - {value: 2, label: Påbegynt}
  - {value: 3, label: Etablert}
  - {value: 4, label: Systematisk og evaluert}
default_target: 3
levels: [{min: 0, name: Startfase}, {min: 50, name: Integrert}]
steps: [{id: 1, name: Helhetlig temaplan}]
plans:
  - {id: planstrategi, name: Kommunal planstrategi, cycle: {rule: election, month: 10, lead_months: 9}}
  - {id: okonomiplan, name: Handlingsdel med økonomiplan, cycle: {rule: yearly, month: 12, lead_months: 6}}
  - {id: budsjett, name: Årsbudsjett, cycle: {rule: yearly, month: 12}}
  - {id: budsjett-innspill, name: Innspill til årsbudsjettet, cycle: {rule: yearly, month: 12, lead_months: 1}}
  - {id: valgplan, name: Plan for valgperioden, cycle: {rule: election, month: 10, lead_months: 0}}
  - {id: temaplan, name: Fag- og temaplaner, cycle: {rule: decided}}
  - {id: kommuneplan, name: Kommuneplanen, cycle: {rule: election, month: 6, lead_months: 3}}
  - {id: arealdel, name: Kommuneplanens arealdel, parent: kommuneplan}
  - {id: sentrumsplan, name: Sentrumsplan, parent: arealdel}
  - {id: avfallsplan, name: Avfallsplan, parent: temaplan}
  - {id: eierskapsmelding, name: Eierskapsmelding}
areas:
  - id: styring
    name: Styring
    plans: [planstrategi]
    questions:
      - {id: styring-plan, text: "Har kommunen en plan?", step: 1}
      - {id: styring-budsjett, text: "Er tiltakene budsjettert?", step: 1, plans: [planstrategi, okonomiplan]}
      - {id: styring-eierskap, text: "Stiller kommunen krav til selskapene sine?", step: 1, plans: [eierskapsmelding]}
`

func day(s string) Date {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return NewDate(t)
}

func next(plan, when string) map[string]PlanStatus {
	y, msg := ParseYearMonth(when, false)
	if msg != "" {
		panic(msg)
	}
	return map[string]PlanStatus{plan: {Next: y}}
}

func TestMonth(t *testing.T) {
	m := Month{Year: 2026, Month: 11}
	for _, c := range []struct {
		n    int
		want string
	}{{0, "2026-11"}, {1, "2026-12"}, {2, "2027-01"}, {14, "2028-01"}, {-11, "2025-12"}, {-23, "2024-12"}, {-24, "2024-11"}} {
		if got := m.AddMonths(c.n).String(); got != c.want {
			t.Errorf("2026-11 + %d = %s, want %s", c.n, got, c.want)
		}
	}
	if !m.Before(Month{2026, 12}) || !m.Before(Month{2027, 1}) || m.Before(m) || (Month{2027, 1}).Before(m) {
		t.Error("Before does not compare (year, month)")
	}
	if m != (Month{2026, 11}) || MonthOf(day("2026-11-20")) != m {
		t.Error("months do not compare equal")
	}
}

func TestParseYearMonth(t *testing.T) {
	for _, c := range []struct {
		in       string
		allowDay bool
		want     string // String() and ToMonth(), or the start of the message
	}{
		{"2027", false, "2027 2027-12"},
		{"2027-06", false, "2027-06 2027-06"},
		{"2021-06-15", true, "2021-06-15 2021-06"},
		{"2024-02-29", true, "2024-02-29 2024-02"},
		{"2027-13", false, "ugyldig tidspunkt «2027-13»: måneden må være 01–12"},
		{"2027-00", false, "ugyldig tidspunkt «2027-00»: måneden må være 01–12"},
		{"2027-06-15", false, "ugyldig tidspunkt «2027-06-15»; skriv et år (2027) eller en måned (2027-06)"},
		{"2023-02-29", true, "ugyldig dato «2023-02-29»"},
		{"2027-6", false, "ugyldig tidspunkt"},
		{"27", false, "ugyldig tidspunkt"},
		{"0000", false, "ugyldig år"},
		{"juni 2027", true, "ugyldig tidspunkt «juni 2027»; skriv et år (2021), en måned (2021-06) eller en dato (2021-06-15)"},
		{"", false, "ugyldig tidspunkt en tom verdi"},
	} {
		y, msg := ParseYearMonth(c.in, c.allowDay)
		got := msg
		if msg == "" {
			got = y.String() + " " + y.ToMonth().String()
		}
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("ParseYearMonth(%q, %v) = %q, want %q", c.in, c.allowDay, got, c.want)
		}
	}
}

const calendarHead = "kind: answers\nquestionnaire: {id: kalender, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-20\n"

func TestPlansBlockDecode(t *testing.T) {
	a, ds := ParseAnswers("a.yaml", []byte(calendarHead+`plans:
  planstrategi: {adopted: 2024-06-15, status: Vedtatt i juni}
  okonomiplan: {adopted: 2025-12, next: 2027}
  temaplan:
    next: "2027-06"
  eierskapsmelding:
answers: {}
`))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	want := map[string]PlanStatus{
		"planstrategi":     {Adopted: YearMonth{2024, 6, 15}, Status: "Vedtatt i juni"},
		"okonomiplan":      {Adopted: YearMonth{2025, 12, 0}, Next: YearMonth{Year: 2027}},
		"temaplan":         {Next: YearMonth{2027, 6, 0}},
		"eierskapsmelding": {},
	}
	if !maps.Equal(a.Plans, want) {
		t.Errorf("plans = %+v\nwant %+v", a.Plans, want)
	}
}

func TestPlansBlockErrors(t *testing.T) {
	q := mustQ(t, calendarQ)
	for _, c := range []struct {
		name, plans string
		check       bool // found by Check rather than by reading
		want        string
		sev         Severity
	}{
		{"month 13", "  okonomiplan: {next: 2027-13}\n", false,
			"a.yaml:6:23: plans.okonomiplan.next: ugyldig tidspunkt «2027-13»: måneden må være 01–12; skriv et år (2027) eller en måned (2027-06)", SevError},
		{"a day in next", "  okonomiplan:\n    next: 2027-06-15\n", false,
			"a.yaml:7:11: plans.okonomiplan.next: ugyldig tidspunkt «2027-06-15»; skriv et år (2027) eller en måned (2027-06)", SevError},
		{"a list", "  okonomiplan: {adopted: [2021]}\n", false,
			"a.yaml:6:26: plans.okonomiplan.adopted: forventet et tidspunkt, fant en liste; skriv et år (2021), en måned (2021-06) eller en dato (2021-06-15)", SevError},
		{"unknown key", "  okonomiplan: {nxt: 2027}\n", false,
			"a.yaml:6:17: plans.okonomiplan.nxt: ukjent nøkkel «nxt»; gyldige nøkler her: adopted, next, status – mente du «next»?", SevError},
		{"not a mapping", "  okonomiplan: 2027\n", false,
			"a.yaml:6:16: plans.okonomiplan: forventet en mapping for planen", SevError},
		{"unknown plan", "  okonomplan: {next: 2027}\n", true,
			"a.yaml:6:15: plans.okonomplan: ukjent plan «okonomplan»; gyldige: ", SevError},
		{"next passed, rule used", "  okonomiplan: {next: 2026-06}\n", true,
			"a.yaml:6:23: advarsel: plans.okonomiplan.next: neste revisjon er passert: «next: 2026-06» er før besvarelsen (2026-11-20); regelen for planen brukes i stedet: neste vindu er 2027-12", SevWarning},
		{"next passed, no cycle", "  eierskapsmelding: {next: 2025}\n", true,
			"a.yaml:6:28: advarsel: plans.eierskapsmelding.next: neste revisjon er passert: «next: 2025» er før besvarelsen (2026-11-20); regelen for planen brukes i stedet, men planen har ingen fast syklus", SevWarning},
	} {
		a, ds := ParseAnswers("a.yaml", []byte(calendarHead+"plans:\n"+c.plans+"answers: {}\n"))
		if c.check {
			if ds.HasErrors() {
				t.Fatalf("%s: %v", c.name, ds)
			}
			_, ds = a.Check(q, CheckOptions{})
		}
		if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), c.want) || ds[0].Severity != c.sev {
			t.Errorf("%s: got %v\nwant %s", c.name, ds, c.want)
		}
	}
	// The unknown plan id is named with its likely meaning.
	a, _ := ParseAnswers("a.yaml", []byte(calendarHead+"plans: {okonomplan: {}}\nanswers: {}\n"))
	if _, ds := a.Check(q, CheckOptions{}); len(ds) != 1 || !strings.HasSuffix(ds[0].Message, "mente du «okonomiplan»?") {
		t.Errorf("unknown plan: %v", ds)
	}
}

func TestWritePlansRoundTrip(t *testing.T) {
	q := mustQ(t, calendarQ)
	a := &Answers{Kind: KindAnswers, Questionnaire: q.Ref(), Municipality: Municipality{Name: "Øyer", Number: "3440"},
		Date:    day("2026-11-20"),
		Targets: map[string]float64{"styring": 4},
		Plans: map[string]PlanStatus{
			"temaplan":     {Next: YearMonth{2027, 6, 0}, Status: "Revideres: se planstrategien, «kap. 3»"},
			"okonomiplan":  {Adopted: YearMonth{2025, 12, 0}, Next: YearMonth{Year: 2027}},
			"planstrategi": {Adopted: YearMonth{2024, 6, 15}},
			"valgplan":     {},
		},
	}
	checked, text := roundTrip(t, q, a)
	wantBlock := `targets: {styring: 4}
plans:
  planstrategi: {adopted: 2024-06-15}
  okonomiplan: {adopted: 2025-12, next: 2027}
  valgplan: {}
  temaplan: {next: 2027-06, status: 'Revideres: se planstrategien, «kap. 3»'}
answers:
`
	if !strings.Contains(text, wantBlock) {
		t.Errorf("plans block not written after targets in plan order:\n%s", text)
	}
	back := checked.Answers.Plans
	if !maps.Equal(back, a.Plans) {
		t.Errorf("plans = %+v\nwant %+v", back, a.Plans)
	}
	// A second round trip writes the same text.
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, q, checked.Answers); err != nil {
		t.Fatal(err)
	}
	if buf.String() != text {
		t.Errorf("second write differs:\n%s", buf.String())
	}
}

func TestMergePlans(t *testing.T) {
	q := mustQ(t, calendarQ)
	parts := mergeParts(t, q,
		calendarHead+"plans:\n  okonomiplan: {adopted: 2025-12, next: 2027}\n  temaplan: {status: Under arbeid}\nanswers: {}\n",
		calendarHead+"plans:\n  okonomiplan: {adopted: 2025-12, next: 2028-06}\n  valgplan: {}\nanswers: {}\n",
	)
	out, conflicts, got := mergeConflicts(t, q, parts, PreferNone)
	if want := []string{"planen «okonomiplan» har ulik «next»: 2027 i a.yaml, 2028-06 i b.yaml"}; !slices.Equal(got, want) {
		t.Errorf("conflicts = %q, want %q", got, want)
	}
	if c := conflicts[0]; c.Plan != "okonomiplan" || c.Field != "next" || c.Question != "" {
		t.Errorf("conflict = %+v", c)
	}
	want := map[string]PlanStatus{
		"okonomiplan": {Adopted: YearMonth{2025, 12, 0}, Next: YearMonth{Year: 2027}},
		"temaplan":    {Status: "Under arbeid"},
		"valgplan":    {},
	}
	if !maps.Equal(out.Plans, want) {
		t.Errorf("merged plans = %+v\nwant %+v", out.Plans, want)
	}
	out, _, _ = Merge(q, parts, PreferLast)
	if got := out.Plans["okonomiplan"].Next.String(); got != "2028-06" {
		t.Errorf("prefer last: next %s", got)
	}
}
