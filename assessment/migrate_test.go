package assessment

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

func loadVersions(t *testing.T) (v1, v2 *Questionnaire) {
	t.Helper()
	return loadQuestionnaireFile(t, "../testdata/versions/v1.yaml"), loadQuestionnaireFile(t, "../testdata/versions/v2.yaml")
}

// checkedV1 reads answers (the lines under «answers:») checked against v1.
func checkedV1(t *testing.T, v1 *Questionnaire, targets, answers string) *Checked {
	t.Helper()
	doc := "kind: answers\nquestionnaire: {id: versjonstest, version: \"2026.1\"}\n" +
		"municipality: {name: Øyer, number: \"3440\"}\ndate: 2026-03-01\n" + targets + "answers:\n" + answers
	a, ds := ParseAnswers("svar.yaml", []byte(doc))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	c, ds := a.Check(v1, CheckOptions{})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return c
}

// showAnswer is an answer as «value // comment # note», ∅ for no value.
func showAnswer(a *Answer) string {
	s := "∅"
	if !a.Empty {
		s = rawText(a)
	}
	if a.Comment != "" {
		s += " // " + a.Comment
	}
	if a.Note != "" {
		s += " " + a.Note
	}
	return s
}

// TestMigrate pins each rule of moving answers from v1 to v2 of the
// versions fixture: kept, renamed, split, merged, removed, and answers that
// cannot carry (another type, an option gone).
func TestMigrate(t *testing.T) {
	v1, v2 := loadVersions(t)
	cases := []struct {
		name    string
		answers string
		want    map[string]string // new id → showAnswer
		steps   []string
	}{
		{"kept as written, note too", "  styring-plan: Etablert  # vedtatt i mars\n",
			map[string]string{"styring-plan": "Etablert # vedtatt i mars"},
			[]string{"beholdt: styring-plan"}},
		{"kept: vet-ikke", "  styring-plan: vet-ikke\n",
			map[string]string{"styring-plan": "vet-ikke"},
			[]string{"beholdt: styring-plan"}},
		{"kept: text reworded", "  styring-merknad: Vi er i gang.\n",
			map[string]string{"styring-merknad": "Vi er i gang."},
			[]string{"beholdt: styring-merknad"}},
		{"kept: multi with options that remain", "  bygg-krav: [kartlegging, lcc]\n",
			map[string]string{"bygg-krav": "[kartlegging, lcc]"},
			[]string{"beholdt: bygg-krav"}},
		{"kept id, option gone", "  bygg-krav: [kartlegging, annet]\n",
			map[string]string{"bygg-krav": "∅ // Fra 2026.1: bygg-krav = Ombrukskartlegging; Annet"},
			[]string{"kan ikke overføres: bygg-krav (ukjent alternativ «annet»; gyldige alternativer: kartlegging (Ombrukskartlegging), lcc (Livssykluskostnader); skriv flere som en liste, for eksempel [kartlegging], eller skilt med «;», eller na (ikke relevant), eller vet-ikke); det gamle svaret står i kommentaren"}},
		{"renamed with its comment", "  styring-ansvar: {value: 2, comment: Rådmannen har ansvaret}\n",
			map[string]string{"styring-ansvar-leder": "2 // Rådmannen har ansvaret"},
			[]string{"nytt navn: styring-ansvar → styring-ansvar-leder"}},
		{"renamed: comment only", "  styring-ansvar: {comment: Uklart}\n",
			map[string]string{"styring-ansvar-leder": "∅ // Uklart"},
			[]string{"nytt navn: styring-ansvar → styring-ansvar-leder"}},
		{"unanswered: nothing to do", "  styring-ansvar:\n",
			map[string]string{}, nil},
		{"split: carried to each part", "  styring-rapport: 1\n",
			map[string]string{"styring-rapport-aarlig": "1", "styring-rapport-klima": "1"},
			[]string{"delt: styring-rapport → styring-rapport-aarlig, styring-rapport-klima; svaret er ført til hver del"}},
		{"merged: both answered", "  styring-budsjett: Etablert\n  bygg-budsjett: {value: 1, comment: Søkes i 2027}\n",
			map[string]string{"budsjett": "∅ // Fra 2026.1: styring-budsjett = Etablert (3); bygg-budsjett = Planlagt (1) («Søkes i 2027»)"},
			[]string{"slått sammen: styring-budsjett, bygg-budsjett → budsjett; budsjett er ubesvart, og de gamle svarene står i kommentaren"}},
		{"merged: one answered", "  bygg-budsjett: na\n",
			map[string]string{"budsjett": "∅ // Fra 2026.1: bygg-budsjett = Ikke relevant"},
			[]string{"slått sammen: styring-budsjett, bygg-budsjett → budsjett; budsjett er ubesvart, og de gamle svarene står i kommentaren"}},
		{"type changed: scale to yesno", "  bygg-ombruk: 2  # usikker\n",
			map[string]string{"bygg-ombruk-krav": "∅ // Fra 2026.1: bygg-ombruk = Påbegynt (2) # usikker"},
			[]string{"kan ikke overføres: bygg-ombruk → bygg-ombruk-krav (skala → ja/nei); det gamle svaret står i kommentaren"}},
		{"removed: kept under its old id", "  bygg-kartlegging: ja\n  transport-plan: vet-ikke\n",
			map[string]string{"bygg-kartlegging": "ja", "transport-plan": "vet-ikke"},
			[]string{
				"fjernet i 2026.2: bygg-kartlegging; svaret står nederst i filen, blant svar på spørsmål som ikke finnes",
				"fjernet i 2026.2: transport-plan; svaret står nederst i filen, blant svar på spørsmål som ikke finnes",
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, steps := Migrate(checkedV1(t, v1, "", tc.answers), v2)
			shown := map[string]string{}
			for _, id := range got.Answers.Order {
				shown[id] = showAnswer(got.Answers.ByID[id])
			}
			for id, want := range tc.want {
				if shown[id] != want {
					t.Errorf("%s = %q, want %q", id, shown[id], want)
				}
			}
			for id, s := range shown {
				if _, ok := tc.want[id]; !ok {
					t.Errorf("unexpected answer %s = %q", id, s)
				}
			}
			var msgs []string
			for _, s := range steps {
				if s.Kind != ChangeWarning {
					msgs = append(msgs, s.Message)
				}
			}
			if !slices.Equal(msgs, tc.steps) {
				t.Errorf("steps:\n  %s\nwant:\n  %s", strings.Join(msgs, "\n  "), strings.Join(tc.steps, "\n  "))
			}
		})
	}
}

// TestMigrateHeader: the header, respondents and the targets of areas that
// remain carry over; a replaces id v1 never had is a warning.
func TestMigrateHeader(t *testing.T) {
	v1, v2 := loadVersions(t)
	c := checkedV1(t, v1, "respondents: [{name: Kari Nordbø}]\ntargets: {styring: 4, transport: 2}\n", "  styring-plan: 3\n")
	got, steps := Migrate(c, v2)
	if got.Questionnaire != v2.Ref() || got.Municipality.Number != "3440" || got.Date.String() != "2026-03-01" || len(got.Respondents) != 1 {
		t.Errorf("header = %+v %+v %s %v", got.Questionnaire, got.Municipality, got.Date, got.Respondents)
	}
	if len(got.Targets) != 1 || got.Targets["styring"] != 4 {
		t.Errorf("targets = %v, want styring only", got.Targets)
	}
	want := []string{
		"advarsel: «styring-innkjop» erstatter «styring-anskaffelse», som ikke er et spørsmål i versjonstest@2026.1",
		"beholdt: styring-plan",
		"målet 2 for området «transport» er ikke ført over: området finnes ikke i 2026.2",
	}
	var msgs []string
	for _, s := range steps {
		msgs = append(msgs, s.Message)
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("steps:\n  %s\nwant:\n  %s", strings.Join(msgs, "\n  "), strings.Join(want, "\n  "))
	}
	if c.Answers.Questionnaire.Version != "2026.1" || len(c.Answers.Targets) != 2 {
		t.Error("Migrate changed its input")
	}
}

// TestMigrateWritten: the migrated fixture file is the golden one (which
// «sirkel migrate» pins too), checks against v2 without errors once the
// removed answers are ignored, and scores the kept ones.
func TestMigrateWritten(t *testing.T) {
	v1, v2 := loadVersions(t)
	data, err := os.ReadFile("../testdata/versions/svar-v1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, ds := ParseAnswers("svar-v1.yaml", data)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	c, _ := a.Check(v1, CheckOptions{})
	got, _ := Migrate(c, v2)
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, v2, got); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../testdata/versions/svar-v1-migrert.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("migrated file:\n%s\nwant (svar-v1-migrert.yaml):\n%s", buf.Bytes(), want)
	}
	back, ds := ParseAnswers("ut.yaml", buf.Bytes())
	if ds.HasErrors() {
		t.Fatalf("%s\n%s", ds, buf.String())
	}
	cb, ds := back.Check(v2, CheckOptions{IgnoreUnknown: true})
	if ds.HasErrors() {
		t.Fatalf("%s\n%s", ds, buf.String())
	}
	if n := len(ds); n != 2 {
		t.Errorf("%d warnings, want 2 (the removed answers): %s", n, ds)
	}
	r := Evaluate(cb)
	if !r.Total.Defined {
		t.Error("the migrated answers give no score")
	}
}

func TestCompareVersions(t *testing.T) {
	ordered := []string{"1", "1.0", "1.2", "1.10", "2026.1", "2026.2", "2026.10", "2026.10.1", "2026.x"}
	for i := range ordered {
		for j := range ordered {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := CompareVersions(ordered[i], ordered[j]); got != want {
				t.Errorf("CompareVersions(%s, %s) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	if r := ParseRef("ks-sirkulaer@2026.1"); r.ID != "ks-sirkulaer" || r.Version != "2026.1" || r.String() != "ks-sirkulaer@2026.1" {
		t.Errorf("ParseRef = %+v", r)
	}
	if r := ParseRef("ks-sirkulaer"); r.Version != "" || r.String() != "ks-sirkulaer" {
		t.Errorf("ParseRef(bare id) = %+v", r)
	}
}

// TestMigrateSplitMerge: a split whose one part keeps the old id and whose
// other part merges another old question, and a type change in place.
func TestMigrateSplitMerge(t *testing.T) {
	v1, _ := loadVersions(t)
	got, steps := Migrate(checkedV1(t, v1, "", "  styring-plan: 3\n  styring-rapport: 2\n  transport-plan: 1\n"), loadV3(t))
	var shown []string
	for _, id := range got.Answers.Order {
		shown = append(shown, id+" = "+showAnswer(got.Answers.ByID[id]))
	}
	want := []string{
		"styring-plan = ∅ // Fra 2026.1: styring-plan = Etablert (3)",
		"styring-rapport = 2",
		"transport-rapport = ∅ // Fra 2026.1: styring-rapport = Påbegynt (2); transport-plan = Planlagt (1)",
	}
	if !slices.Equal(shown, want) {
		t.Errorf("answers:\n  %s\nwant:\n  %s", strings.Join(shown, "\n  "), strings.Join(want, "\n  "))
	}
	var msgs []string
	for _, s := range steps {
		msgs = append(msgs, s.Message)
	}
	wantSteps := []string{
		"kan ikke overføres: styring-plan (skala → ja/nei); det gamle svaret står i kommentaren",
		"delt: styring-rapport → styring-rapport, transport-rapport; svaret er ført til styring-rapport",
		"slått sammen: styring-rapport, transport-plan → transport-rapport; transport-rapport er ubesvart, og de gamle svarene står i kommentaren",
	}
	if !slices.Equal(msgs, wantSteps) {
		t.Errorf("steps:\n  %s\nwant:\n  %s", strings.Join(msgs, "\n  "), strings.Join(wantSteps, "\n  "))
	}
}
