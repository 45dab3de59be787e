package assessment

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func loadQuestionnaireFile(t *testing.T, path string) *Questionnaire {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	q, ds := ParseQuestionnaire(path, data)
	if ds.HasErrors() {
		t.Fatalf("%s: %v", path, ds)
	}
	return q
}

// roundTrip writes answers, reads them back and checks them against q.
func roundTrip(t *testing.T, q *Questionnaire, a *Answers) (*Checked, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, q, a); err != nil {
		t.Fatal(err)
	}
	back, ds := ParseAnswers("svar.yaml", buf.Bytes())
	if ds.HasErrors() {
		t.Fatalf("written file does not parse: %v\n%s", ds, buf.String())
	}
	c, ds := back.Check(q, CheckOptions{IgnoreUnknown: true})
	if ds.HasErrors() {
		t.Fatalf("written file does not check: %v\n%s", ds, buf.String())
	}
	return c, buf.String()
}

// sameAnswer compares the raw form of two answers.
func sameAnswer(a, b *Answer) bool {
	return a.Empty == b.Empty && a.Scalar == b.Scalar &&
		a.IsList == b.IsList && slices.Equal(a.List, b.List) && a.Comment == b.Comment
}

func TestWriteAnswersRoundTrip(t *testing.T) {
	q := loadQuestionnaireFile(t, "../testdata/mini-questionnaire.yaml")
	a := &Answers{
		Kind:          KindAnswers,
		Questionnaire: q.Ref(),
		Municipality:  Municipality{Name: "Oslo", Number: "0301"},
		Respondents: []Respondent{
			{Name: "Kari Nordbø", Role: "Klimarådgiver, plan: miljø", Email: "kari@example.no"},
			{Name: "Per"},
		},
		Date:     NewDate(time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)),
		Targets:  map[string]float64{"bygg": 4, "styring": 2},
		Language: "nn",
	}
	a.Answers.Set("styring-plan", &Answer{Scalar: "3", Tag: "!!int", Comment: "Vedtatt: se sak #12, «planen» {2026}"})
	a.Answers.Set("styring-budsjett", &Answer{Scalar: "nei", Tag: "!!str"})
	a.Answers.Set("styring-merknad", &Answer{Scalar: "Første linje\nandre linje: med kolon\n", Tag: "!!str"})
	a.Answers.Set("bygg-ombruk", &Answer{Scalar: "42.5", Tag: "!!float"})
	a.Answers.Set("bygg-krav", &Answer{IsList: true, List: []string{"kartlegging", "lcc"}})
	a.Answers.Set("bygg-rolle", &Answer{Scalar: "na", Tag: "!!str", Comment: "Ikke aktuelt"})

	checked, text := roundTrip(t, q, a)
	back := checked.Answers

	if !strings.Contains(text, `number: "0301"`) {
		t.Errorf("kommunenummer not quoted:\n%s", text)
	}
	if back.Municipality != a.Municipality || back.Date.String() != "2026-11-21" || back.Questionnaire != q.Ref() || back.Language != "nn" {
		t.Errorf("header changed: %+v %s %+v", back.Municipality, back.Date, back.Questionnaire)
	}
	if !slices.Equal(back.Respondents, a.Respondents) {
		t.Errorf("respondents = %+v, want %+v", back.Respondents, a.Respondents)
	}
	if back.Targets["bygg"] != 4 || back.Targets["styring"] != 2 || len(back.Targets) != 2 {
		t.Errorf("targets = %v", back.Targets)
	}
	if !strings.Contains(text, "targets: {styring: 2, bygg: 4}") {
		t.Errorf("targets not in area order:\n%s", text)
	}
	for _, id := range a.Answers.Order {
		got, ok := back.Answers.Get(id)
		qu, _, _ := q.Question(id)
		if !ok || !sameAnswer(got, a.Answers.ByID[id]) || checked.Value(qu).Kind == ValueNone {
			t.Errorf("%s: got %+v, want %+v", id, got, a.Answers.ByID[id])
		}
	}
	// The answers come back in questionnaire order.
	if want := q.QuestionIDs(); !slices.Equal(back.Answers.Order, want) {
		t.Errorf("order = %v, want %v", back.Answers.Order, want)
	}
	r := Evaluate(checked)
	if !r.Total.Defined {
		t.Errorf("written answers do not score")
	}
}

func TestWriteAnswersListsEveryQuestion(t *testing.T) {
	q := loadQuestionnaireFile(t, "../testdata/mini-questionnaire.yaml")
	a := &Answers{Kind: KindAnswers, Questionnaire: q.Ref(), Municipality: Municipality{Name: "Øyer", Number: "3440"},
		Date: NewDate(time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC))}
	a.Answers.Set("bygg-ombruk", &Answer{Scalar: "10", Tag: "!!int"})
	a.Answers.Set("styring-plan", &Answer{Empty: true, Comment: "Spør økonomisjefen"})
	checked, text := roundTrip(t, q, a)
	back := checked.Answers

	for _, want := range []string{
		"# Styring (styring)\n",
		"  # Har kommunen en plan?\n  # (skala 0–4)\n  styring-plan:\n    comment: Spør økonomisjefen\n",
		"  # Er tiltakene budsjettert?\n  # (ja eller nei)\n  # styring-budsjett:\n",
		"  # (et tall, prosent, eller na for ikke relevant)\n  bygg-ombruk: 10\n",
		"  # (ett av: ingen, paadriver, deltaker, eller na for ikke relevant)\n  # bygg-rolle:\n",
		"# Skala: 0 (Ikke startet), 1 (Planlagt)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if back.Answers.Len() != 2 {
		t.Errorf("answers = %v", back.Answers.Order)
	}
	// Uncommenting a question by hand gives a valid, still unanswered file.
	edited := strings.Replace(text, "  # styring-budsjett:", "  styring-budsjett: ja", 1)
	back, ds := ParseAnswers("svar.yaml", []byte(edited))
	if ds.HasErrors() {
		t.Fatalf("hand-edited file does not parse: %v", ds)
	}
	checked, ds = back.Check(q, CheckOptions{})
	if ds.HasErrors() {
		t.Fatalf("hand-edited file does not check: %v", ds)
	}
	qu, _, _ := q.Question("styring-budsjett")
	if got := checked.Value(qu); got.Kind != ValueGiven || got.Number != 1 {
		t.Errorf("hand-edited answer = %+v", got)
	}
}

func TestWriteAnswersKeepsUnknownAndInvalid(t *testing.T) {
	q := loadQuestionnaireFile(t, "../testdata/mini-questionnaire.yaml")
	a := &Answers{Kind: KindAnswers, Questionnaire: QuestionnaireRef{ID: "mini", Version: "0"},
		Municipality: Municipality{Name: "Øyer", Number: "3440"}, Date: NewDate(time.Now())}
	a.Answers.Set("gammelt-sporsmal", &Answer{Scalar: "2", Tag: "!!int"})
	a.Answers.Set("styring-plan", &Answer{Scalar: "7", Tag: "!!int"})
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, q, a); err != nil {
		t.Fatal(err)
	}
	back, ds := ParseAnswers("svar.yaml", buf.Bytes())
	if ds.HasErrors() {
		t.Fatalf("%v\n%s", ds, buf.String())
	}
	if back.Questionnaire.Version != "0" {
		t.Errorf("version = %q, want the file's own", back.Questionnaire.Version)
	}
	for _, id := range []string{"gammelt-sporsmal", "styring-plan"} {
		if got, ok := back.Answers.Get(id); !ok || !sameAnswer(got, a.Answers.ByID[id]) {
			t.Errorf("%s: got %+v", id, got)
		}
	}
	if !strings.Contains(buf.String(), "# Svar på spørsmål som ikke finnes i mini@1:\n  gammelt-sporsmal: 2\n") {
		t.Errorf("unknown answer not kept at the end:\n%s", buf.String())
	}
}

// The example answers survive a rewrite unchanged.
func TestWriteAnswersExample(t *testing.T) {
	q := loadQuestionnaireFile(t, "../questionnaires/ks-sirkulaer-2026.1.yaml")
	for _, file := range []string{"../testdata/oyer-3440.yaml", "../testdata/partial-3440.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		a, ds := ParseAnswers(file, data)
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		checked, text := roundTrip(t, q, a)
		back := checked.Answers
		for _, id := range a.Answers.Order {
			if got, ok := back.Answers.Get(id); !ok || !sameAnswer(got, a.Answers.ByID[id]) {
				t.Errorf("%s: %s: got %+v, want %+v", file, id, got, a.Answers.ByID[id])
			}
		}
		for _, id := range q.QuestionIDs() {
			if !strings.Contains(text, "  "+id+":") && !strings.Contains(text, "  # "+id+":") {
				t.Errorf("%s: question %s missing from the written file", file, id)
			}
		}
		if !slices.Equal(back.Respondents, a.Respondents) || back.Date != a.Date {
			t.Errorf("%s: header changed", file)
		}
	}
}

func TestWrap(t *testing.T) {
	got := wrap("en to tre fire fem seks\nsju åtte", 9)
	want := []string{"en to tre", "fire fem", "seks", "sju åtte"}
	if !slices.Equal(got, want) {
		t.Errorf("wrap = %q, want %q", got, want)
	}
}

// Notes written by hand after an answer («# …» on its line) survive a
// rewrite, as assess and merge do when they save.
func TestWriteAnswersKeepsNotes(t *testing.T) {
	q := loadQuestionnaireFile(t, "../testdata/mini-questionnaire.yaml")
	src := "kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-20\nanswers:\n" +
		"  styring-plan: 2   # NOTAT: sjekk med landbrukssjefen\n" +
		"  styring-budsjett: {value: ja, comment: Vedtatt} # fra økonomisjefen\n" +
		"  bygg-ombruk:   # tallet kommer i januar\n"
	a, ds := ParseAnswers("svar.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, q, a); err != nil {
		t.Fatal(err)
	}
	back, ds := ParseAnswers("svar.yaml", buf.Bytes())
	if ds.HasErrors() {
		t.Fatalf("%v\n%s", ds, buf.String())
	}
	for id, want := range map[string]string{
		"styring-plan":     "# NOTAT: sjekk med landbrukssjefen",
		"styring-budsjett": "# fra økonomisjefen",
		"bygg-ombruk":      "# tallet kommer i januar",
	} {
		if got, ok := back.Answers.Get(id); !ok || got.Note != want {
			t.Errorf("%s: note %q, want %q\n%s", id, got.Note, want, buf.String())
		}
	}
	if got, _ := back.Answers.Get("styring-plan"); got.Scalar != "2" {
		t.Errorf("answer changed: %+v", got)
	}
}

// The long form {value, comment, by, evidence} is written and read back;
// evidence is a flow list, and by alone makes the long form.
func TestWriteAnswersByEvidence(t *testing.T) {
	q := loadQuestionnaireFile(t, "../testdata/mini-questionnaire.yaml")
	a := &Answers{Kind: KindAnswers, Questionnaire: q.Ref(), Municipality: Municipality{Name: "Øyer", Number: "3440"},
		Date: NewDate(time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC))}
	a.Answers.Set("styring-plan", &Answer{Scalar: "3", Tag: "!!int", Comment: "Vedtatt", By: "Kari Nordbø",
		Evidence: []string{"sak 2025/123", "https://oyer.kommune.no/plan, side 4"}})
	a.Answers.Set("styring-budsjett", &Answer{Scalar: "ja", Tag: "!!str", By: "Per"})
	a.Answers.Set("bygg-rolle", &Answer{Empty: true, Evidence: []string{"e-post fra Per"}})
	checked, text := roundTrip(t, q, a)
	for _, want := range []string{
		"  styring-plan:\n    value: 3\n    comment: Vedtatt\n    by: Kari Nordbø\n    evidence: [sak 2025/123, 'https://oyer.kommune.no/plan, side 4']\n",
		"  styring-budsjett:\n    value: ja\n    by: Per\n",
		"  bygg-rolle:\n    evidence: [e-post fra Per]\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	for _, id := range a.Answers.Order {
		got, _ := checked.Answers.Answers.Get(id)
		want := a.Answers.ByID[id]
		if !sameAnswer(got, want) || got.By != want.By || !slices.Equal(got.Evidence, want.Evidence) {
			t.Errorf("%s: got %+v, want %+v", id, got, want)
		}
	}
}

func TestParseAnswersEvidenceErrors(t *testing.T) {
	src := "kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-21\nanswers:\n" +
		"  styring-plan: {value: 3, evidence: sak 12}\n" +
		"  styring-budsjett: {value: ja, by: [Per]}\n" +
		"  bygg-rolle: {value: na, av: Per}\n"
	_, ds := ParseAnswers("svar.yaml", []byte(src))
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		"svar.yaml:6:38: answers.styring-plan.evidence: forventet en liste med dokumentasjon",
		"svar.yaml:7:37: answers.styring-budsjett.by: forventet en tekst",
		"svar.yaml:8:27: answers.bygg-rolle.av: ukjent nøkkel «av»",
	}
	if len(got) != len(want) {
		t.Fatalf("diagnostics:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got  %s\nwant %s…", got[i], want[i])
		}
	}
}
