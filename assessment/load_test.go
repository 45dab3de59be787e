package assessment

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment/strictyaml"
)

func loadKS(t *testing.T) *Questionnaire {
	t.Helper()
	return loadQuestionnaireFile(t, "../questionnaires/ks-sirkulaer-2026.1.yaml")
}

// parseAndCheck loads a file the way the commands do: parse, then check
// against the questionnaire when the answers name it.
func parseAndCheck(t *testing.T, q *Questionnaire, name string, data []byte) Diagnostics {
	t.Helper()
	doc, ds := Parse(name, data)
	if doc != nil && doc.Answers != nil && doc.Answers.Questionnaire.ID == q.ID {
		_, cds := doc.Answers.Check(q, CheckOptions{})
		ds = append(ds, cds...)
	}
	ds.Sort()
	return ds
}

// TestBrokenFiles pins, for each file in testdata/broken (one mistake
// each), the position and the gist of the first error.
func TestBrokenFiles(t *testing.T) {
	q := loadKS(t)
	cases := []struct {
		file      string
		line, col int
		gist      string
	}{
		{"alias-bomb.yaml", 6, 4, "aliasbombe"},
		{"alias-cycle.yaml", 2, 63, "en løkke"},
		{"binary-junk.yaml", 2, 258, "binære data"},
		{"crlf-bad-value.yaml", 6, 21, "«9» er ikke en verdi på skalaen"},
		{"deep-nesting.yaml", 6, 21, "forventet én verdi, fant en liste"},
		{"multi-doc.yaml", 6, 1, "flere YAML-dokumenter"},
		{"questionnaire-missing-refs.yaml", 12, 13, "ukjent plan «okonomiplan»; gyldige: temaplan"},
		{"wrong-type.yaml", 3, 15, "forventet en mapping (nøkkel: verdi), fant en liste"},
		{"bad-date.yaml", 4, 7, "ugyldig dato «20.11.2026»"},
		{"bad-kommunenummer.yaml", 3, 36, "ugyldig kommunenummer «301»"},
		{"broken-yaml.yaml", 6, 1, "hakeparenteser"},
		{"duplicate-key.yaml", 7, 3, "står to ganger (første gang på linje 6)"},
		{"empty.yaml", 1, 1, "filen er tom"},
		{"latin1.yaml", 2, 22, "ikke gyldig UTF-8"},
		{"missing-date.yaml", 1, 1, "mangler «date»"},
		{"multi-duplicate.yaml", 6, 15, "valgt to ganger"},
		{"na-not-allowed.yaml", 6, 21, "«na» (ikke relevant) er ikke tillatt"},
		{"no-kind.yaml", 1, 1, "mangler «kind»"},
		{"number-text.yaml", 6, 31, "«mye» er ikke et tall"},
		{"scale-out-of-range.yaml", 6, 21, "«7» er ikke en verdi på skalaen; gyldige verdier: 0 (Ikke startet)"},
		{"tab-indent.yaml", 6, 1, "tabulator"},
		{"target-unknown-area.yaml", 5, 16, "ukjent område «byg»"},
		{"unknown-key.yaml", 1, 1, "mangler «date»"},
		{"unknown-kommunenummer.yaml", 3, 40, "9999 finnes ikke"},
		{"unknown-option.yaml", 6, 24, "ukjent alternativ «kanskje»"},
		{"unknown-question.yaml", 6, 3, "mente du «styring-temaplan»?"},
		{"yesno-wrong.yaml", 6, 22, "ikke et ja/nei-svar"},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		seen[c.file] = true
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("../testdata/broken", c.file))
			if err != nil {
				t.Fatal(err)
			}
			ds := parseAndCheck(t, q, c.file, data).Errors()
			if len(ds) == 0 {
				t.Fatal("no error")
			}
			d := ds[0]
			if d.Line != c.line || d.Column != c.col || !strings.Contains(d.Message, c.gist) {
				t.Errorf("got %s\nwant %d:%d …%s…", d, c.line, c.col, c.gist)
			}
			for _, d := range ds {
				for _, raw := range []string{"cannot unmarshal", "not found in type", "yaml:", "Key:", "Error:Field"} {
					if strings.Contains(d.Message, raw) {
						t.Errorf("raw library message: %s", d)
					}
				}
			}
		})
	}
	files, _ := filepath.Glob("../testdata/broken/*.yaml")
	for _, f := range files {
		if !seen[filepath.Base(f)] && !strings.HasPrefix(filepath.Base(f), "wrong-questionnaire") {
			t.Errorf("%s has no case in TestBrokenFiles", f)
		}
	}
}

func TestAllErrorsReportedInLineOrder(t *testing.T) {
	q := loadKS(t)
	src := `kind: answers
questionnaire: {id: ks-sirkulaer, version: "2026.1"}
municipality: {name: Øyer, number: "3440"}
date: 2026-11-20
answers:
  styring-temaplan: 9
  styring-planstrategi: na
  finnes-ikke: 2
  mat-bransjeavtale: kanskje
`
	ds := parseAndCheck(t, q, "a.yaml", []byte(src)).Errors()
	var lines []int
	for _, d := range ds {
		lines = append(lines, d.Line)
	}
	if len(lines) != 4 || lines[0] != 6 || lines[1] != 7 || lines[2] != 8 || lines[3] != 9 {
		t.Errorf("lines = %v\n%v", lines, ds)
	}
}

func TestAcceptedVariants(t *testing.T) {
	q := loadKS(t)
	base := "kind: answers\nquestionnaire: {id: ks-sirkulaer, version: \"2026.1\"}\nmunicipality: {name: Oslo, number: 0301}\ndate: 2026-11-20\nanswers:\n  styring-temaplan: 2\n"
	cases := map[string]string{
		"bom":   "\xEF\xBB\xBF" + base,
		"crlf":  strings.ReplaceAll(base, "\n", "\r\n"),
		"plain": base,
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			doc, ds := Parse("a.yaml", []byte(src))
			if ds.HasErrors() {
				t.Fatal(ds)
			}
			if _, ds := doc.Answers.Check(q, CheckOptions{}); ds.HasErrors() {
				t.Fatal(ds)
			}
			// An unquoted number keeps its leading zero.
			if got := doc.Answers.Municipality.Number; got != "0301" {
				t.Errorf("number = %q", got)
			}
		})
	}
}

func TestOtherVersionWarns(t *testing.T) {
	q := loadKS(t)
	src := "kind: answers\nquestionnaire: {id: ks-sirkulaer, version: \"2025.9\"}\nmunicipality: {name: Øyer kommune, number: \"3440\"}\ndate: 2026-11-20\nanswers: {styring-temaplan: 2}\n"
	ds := parseAndCheck(t, q, "a.yaml", []byte(src))
	if ds.HasErrors() || len(ds.Warnings()) != 1 || !strings.Contains(ds[0].Message, "versjon «2025.9»") {
		t.Errorf("diagnostics = %v", ds)
	}
	src = strings.Replace(src, "Øyer kommune", "Lillehammer", 1)
	ds = parseAndCheck(t, q, "a.yaml", []byte(src)).Warnings()
	if len(ds) != 2 || !strings.Contains(ds[1].Message, "registrert som «Øyer»") {
		t.Errorf("diagnostics = %v", ds)
	}
}

func TestIgnoreUnknown(t *testing.T) {
	q := loadKS(t)
	src := "kind: answers\nquestionnaire: {id: ks-sirkulaer, version: \"2026.1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-20\nanswers: {styring-temaplann: 2}\n"
	a, _ := ParseAnswers("a.yaml", []byte(src))
	_, ds := a.Check(q, CheckOptions{IgnoreUnknown: true})
	if ds.HasErrors() || len(ds.Warnings()) != 1 {
		t.Errorf("diagnostics = %v", ds)
	}
}

func TestQuestionnaireCrossChecks(t *testing.T) {
	src := `kind: questionnaire
id: x
version: "1"
title: X
scale: [{value: 0, label: A}, {value: 2, label: B}, {value: 1, label: C}]
default_target: 1
levels: [{min: 0, name: L}, {min: 50, name: M}, {min: 50, name: N}, {min: 120, name: O}]
steps: [{id: 1, name: S}, {id: 1, name: S2}]
tiers: [{id: I, name: T}]
plans: [{id: p, name: P}]
strategies: [{id: ombruke, name: Ombruke}]
examples: [{id: e, name: E, areas: [nope]}]
areas:
  - id: a
    name: A
    weight: 0
    questions:
      - {id: q1, text: Q, step: 3}
      - {id: q1, text: Q, tier: IV}
      - {id: q3, text: Q, plans: [pp], strategy: ombrukk, examples: [ee]}
      - {id: q4, text: Q, type: multi, tier: I, options: [{id: o, label: O, score: 0.5}, {id: o, label: O, score: 1.5}]}
      - {id: q5, text: Q, type: number, tier: I}
      - {id: q6, text: Q, type: number, tier: I, scoring: {worst: 5, best: 5}, target: 2}
      - {id: q7, text: Q, type: hmm, tier: I}
      - {id: q8, text: Q, tier: I, options: [{id: o, label: O, score: 1}]}
      - {id: Q9, text: Q, tier: I}
      - {id: q10, tier: I}
`
	_, ds := ParseQuestionnaire("q.yaml", []byte(src))
	want := []string{
		"5:61: scale[2].value: skalaverdiene må stige strengt",
		"7:55: levels[2].min: modenhetsnivåene må stå i stigende rekkefølge",
		"7:75: levels[3].min: nivågrensen 120 er utenfor 0–100",
		"8:32: steps[1].id: trinnet «1» finnes allerede",
		"12:37: examples[0].areas[0]: ukjent område «nope»",
		"16:13: areas[0].weight: «weight» må være større enn 0",
		"18:33: areas[0].questions[0].step: ukjent trinn «3»; gyldige: 1",
		"19:14: areas[0].questions[1].id: spørsmålet «q1» finnes allerede",
		"19:33: areas[0].questions[1].tier: ukjent tiltaksnivå «IV»",
		"20:9: areas[0].questions[2]: spørsmålet «q3» teller i skåren, men har verken «step» eller «tier»",
		"20:35: areas[0].questions[2].plans[0]: ukjent plan «pp»",
		"20:50: areas[0].questions[2].strategy: ukjent R-strategi «ombrukk»; gyldige: ombruke – mente du «ombruke»?",
		"20:70: areas[0].questions[2].examples[0]: ukjent eksempel «ee»",
		"21:95: areas[0].questions[3].options[1].id: alternativet «o» finnes allerede",
		"21:115: areas[0].questions[3].options[1].score: poengsummen 1.5 er utenfor 0–1",
		"22:9: areas[0].questions[4]: spørsmål av typen number må ha «scoring",
		"23:59: areas[0].questions[5].scoring: «worst» og «best» må være forskjellige",
		"23:88: areas[0].questions[5].target: målet 2 er utenfor 0–1",
		"24:33: areas[0].questions[6].type: ugyldig verdi «hmm» for «type»; gyldige verdier: scale, yesno, choice, multi, number, text",
		"25:45: areas[0].questions[7].options: «options» brukes bare for typene choice og multi",
		"26:14: areas[0].questions[8].id: ugyldig id «Q9»",
		"27:9: areas[0].questions[9].text: mangler «text», som er påkrevd",
	}
	got := ds.Errors()
	wantDiagnostics(t, got, "q.yaml:", want)
	if t.Failed() {
		t.Log(got)
	}
}

func TestLimits(t *testing.T) {
	deep := "kind: answers\nanswers: {x: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "}\n"
	_, ds := Parse("deep.yaml", []byte(deep))
	if len(ds) != 1 || ds[0].Line != 2 || !strings.Contains(ds[0].Message, "for dypt nøstet") {
		t.Errorf("deep nesting: %v", ds)
	}
	var qs strings.Builder
	for i := range maxQuestions + 1 {
		fmt.Fprintf(&qs, "      - {id: q%d, text: Q, step: 1}\n", i)
	}
	many := "kind: questionnaire\nid: x\nversion: \"1\"\ntitle: X\nscale: [{value: 0, label: A}, {value: 1, label: B}]\n" +
		"default_target: 1\nlevels: [{min: 0, name: L}]\nsteps: [{id: 1, name: S}]\nareas:\n  - id: a\n    name: A\n    questions:\n" + qs.String()
	_, ds = ParseQuestionnaire("many.yaml", []byte(many))
	if len(ds) != 1 || ds[0].Line != 10 || !strings.Contains(ds[0].Message, "skjemaet har 2001 spørsmål; grensen er 2000") {
		t.Errorf("many questions: %v", ds)
	}
	_, err := strictyaml.ReadLimited("big.yaml", strings.NewReader(strings.Repeat("#", strictyaml.MaxFileSize+1)))
	if err == nil || !strings.Contains(err.Error(), "filen er for stor") {
		t.Errorf("size: %v", err)
	}
}

// The plan model: every wrong cycle, kind, parent and number bound is an
// error at its own position.
func TestPlanModelChecks(t *testing.T) {
	src := `kind: questionnaire
id: x
version: "1"
title: X
scale: [{value: 0, label: A}, {value: 4, label: B}]
default_target: 4
min_coverage: 1.5
levels: [{min: 0, name: L}]
steps: [{id: 1, name: S}]
plans:
  - {id: ps, name: P, cycle: {rule: election, month: 13, lead_months: 9}}
  - {id: op, name: O, cycle: {rule: decided, month: 12, lead_months: 2}}
  - {id: a, name: A, parent: b}
  - {id: b, name: B, parent: a, cycle: {rule: weekly}}
  - {id: c, name: C, parent: nope, kind: foo, cycle: {rule: yearly, lead_months: -1}}
  - {id: d, name: D, parent: d}
  - {id: e, name: E, parent: ps, kind: plan, law: "pbl. § 11-1", decided_by: kommunestyret}
areas:
  - id: a
    name: A
    questions:
      - {id: q1, text: Q, step: 1, type: yesno, min: 0}
      - {id: q2, text: Q, step: 1, type: number, scoring: {worst: 0, best: 9}, min: 5, max: 5, replaces: [ok-id, Bad_Id]}
`
	_, ds := ParseQuestionnaire("q.yaml", []byte(src))
	want := []string{
		"7:15: min_coverage: «min_coverage» er en andel mellom 0 og 1",
		"11:54: plans[0].cycle.month: måneden må være 1–12, ikke 13",
		"12:53: plans[1].cycle.month: «month» har ingen betydning for «rule: decided»",
		"12:70: plans[1].cycle.lead_months: «lead_months» har ingen betydning",
		"13:30: plans[2].parent: planene danner en ring",
		"14:30: plans[3].parent: planene danner en ring",
		"14:47: plans[3].cycle.rule: ugyldig verdi «weekly» for «rule»; gyldige verdier: yearly, election, decided",
		"15:30: plans[4].parent: ukjent plan «nope»",
		"15:42: plans[4].kind: ugyldig verdi «foo»",
		"15:54: plans[4].cycle: en plan med «rule: yearly» må si hvilken måned",
		"15:82: plans[4].cycle.lead_months: «lead_months» må være minst 0, ikke -1",
		"16:30: plans[5].parent: planen «d» kan ikke være sin egen overordnede plan",
		"22:54: areas[0].questions[0].min: «min» og «max» brukes bare for typen number",
		"23:93: areas[0].questions[1].max: «max» (5) må være større enn «min» (5)",
		"23:114: areas[0].questions[1].replaces[1]: ugyldig id «Bad_Id»",
	}
	got := ds.Errors()
	wantDiagnostics(t, got, "q.yaml:", want)
	if len(got) != len(want) {
		t.Errorf("got %d errors, want %d", len(got), len(want))
	}
	if t.Failed() {
		t.Log(got)
	}
}

// wantDiagnostics fails for each wanted message (after prefix) that no
// diagnostic starts with.
func wantDiagnostics(t *testing.T, got Diagnostics, prefix string, want []string) {
	t.Helper()
	for _, w := range want {
		found := false
		for _, d := range got {
			if strings.Contains(d.String(), prefix+w) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing %q", w)
		}
	}
}

// A fylkeskommune answering a questionnaire for kommuner (or the other way
// round) is told which one is meant.
func TestAudienceWarning(t *testing.T) {
	q := loadQuestionnaireFile(t, "../testdata/mini-questionnaire.yaml")
	src := "kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: Vestland, number: \"46\"}\ndate: 2026-11-20\nanswers: {}\n"
	ds := parseAndCheck(t, q, "a.yaml", []byte(src))
	if ds.HasErrors() || len(ds.Warnings()) != 1 || !strings.Contains(ds[0].Message, "46 er en fylkeskommune, men spørreskjemaet «mini» er laget for en kommune; bruk ks-sirkulaer-fylke") {
		t.Errorf("diagnostics = %v", ds)
	}
	q.Audience = ForFylkeskommune
	if ds := parseAndCheck(t, q, "a.yaml", []byte(src)); len(ds) != 0 {
		t.Errorf("a fylke questionnaire warns a fylke: %v", ds)
	}
	if w := q.Words(); w.Org != "fylkeskommunen" || w.Council != "fylkestinget" {
		t.Errorf("words %+v", w)
	}
}

// A questionnaire that declares nynorsk has it in every text.
func TestLanguagesDeclared(t *testing.T) {
	src := `kind: questionnaire
id: x
version: "1"
title: {nb: Tittel, nn: Tittel}
languages: [nb, nn]
scale: [{value: 0, label: {nb: Ikke startet, nn: Ikkje starta}}, {value: 4, label: Ferdig}]
default_target: 4
levels: [{min: 0, name: {nb: L, nn: L}}]
steps: [{id: 1, name: {nb: S, nn: S}}]
areas:
  - id: a
    name: {nb: A, nn: A}
    questions:
      - {id: q1, text: {nb: "Spørsmål?", nn: "Spørsmål?"}, help: Hjelp uten nynorsk, step: 1}
`
	_, ds := ParseQuestionnaire("q.yaml", []byte(src))
	wantDiagnostics(t, ds.Errors(), "q.yaml:", []string{
		"6:84: scale[1].label: teksten mangler «nn»",
		"14:66: areas[0].questions[0].help: teksten mangler «nn»",
	})
	if len(ds.Errors()) != 2 {
		t.Errorf("errors %v", ds)
	}
	src = strings.Replace(src, "languages: [nb, nn]\n", "", 1)
	if _, ds := ParseQuestionnaire("q.yaml", []byte(src)); ds.HasErrors() {
		t.Errorf("without languages, bokmål alone is fine: %v", ds)
	}
}

// A number in quotes for a scale or number question is read as the number
// and gets a warning that says what to write, not a contradiction.
func TestQuotedNumberWarns(t *testing.T) {
	q := loadQuestionnaireFile(t, "../testdata/mini-questionnaire.yaml")
	src := "kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-20\nanswers:\n  styring-plan: \"2\"\n  bygg-ombruk: \"12.5\"\n"
	a, ds := ParseAnswers("a.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	c, ds := a.Check(q, CheckOptions{})
	if ds.HasErrors() || len(ds.Warnings()) != 2 {
		t.Fatalf("diagnostics %v", ds)
	}
	for _, d := range ds {
		if !strings.Contains(d.Message, "skriv tallet uten anførselstegn") || strings.Contains(d.Message, "er ikke en verdi på skalaen") {
			t.Errorf("%s", d)
		}
	}
	plan, _, _ := q.Question("styring-plan")
	ombruk, _, _ := q.Question("bygg-ombruk")
	if c.Value(plan).Number != 2 || c.Value(ombruk).Number != 12.5 {
		t.Errorf("values %v %v", c.Value(plan), c.Value(ombruk))
	}
}
