package assessment

import (
	"os"
	"strings"
	"testing"
)

// TestDiff pins the readable differences between the versions fixture's
// v1 and v2, every kind of change in questionnaire order (the same golden
// file pins «sirkel questionnaire diff»).
func TestDiff(t *testing.T) {
	v1, v2 := loadVersions(t)
	var b strings.Builder
	if err := Diff(v1, v2).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../testdata/versions/diff-v1-v2.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	b.Reset()
	if err := Diff(v1, v1).WriteText(&b); err != nil || !strings.HasSuffix(b.String(), "\nIngen forskjeller.\n") {
		t.Errorf("same version: %q, %v", b.String(), err)
	}
}

// TestDiffEdits: a question that keeps its id shows every change of
// wording and scoring; a split whose part also merges is listed as both.
func TestDiffEdits(t *testing.T) {
	v1, _ := loadVersions(t)
	v3 := loadV3(t)
	d := Diff(v1, v3)
	var edits []string
	for _, e := range d.Edited {
		edits = append(edits, e.ID+": "+strings.Join(e.What, ", "))
	}
	want := "styring-plan: teksten, hjelpeteksten, typen (skala → ja/nei), trinnet (1 → ingen), tiltaksnivået (ingen → I), vekten (1 → 2)|bygg-krav: alternativene (endret: lcc)"
	if got := strings.Join(edits, "|"); got != want {
		t.Errorf("edits:\n%s\nwant:\n%s", got, want)
	}
	var replaced []string
	for _, c := range d.Replaced {
		replaced = append(replaced, d.replacedLine(c))
	}
	wantR := "styring-rapport → styring-rapport, transport-rapport (delt; svaret føres til hver del)|" +
		"styring-rapport, transport-plan → transport-rapport (slått sammen; svarene blir en kommentar)"
	if got := strings.Join(replaced, "|"); got != wantR {
		t.Errorf("replaced:\n%s\nwant:\n%s", got, wantR)
	}
}

// loadV3 is v1 of the versions fixture changed into a version 2026.3 that
// edits styring-plan and bygg-krav in place, and splits styring-rapport
// (keeping its id) into a part that also merges transport-plan.
func loadV3(t *testing.T) *Questionnaire {
	t.Helper()
	data, err := os.ReadFile("../testdata/versions/v1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.NewReplacer(
		`{id: styring-plan, text: "Har kommunen en plan?", step: 1}`,
		`{id: styring-plan, text: "Har kommunen en vedtatt plan?", help: Ny hjelp, type: yesno, tier: I, weight: 2}`,
		`{id: transport-plan, text: "Har kommunen en plan for transport?", step: 1}`,
		`{id: transport-rapport, text: Rapport og plan, step: 2, replaces: [styring-rapport, transport-plan]}`,
		`{id: lcc, label: Livssykluskostnader, score: 0.5}`, `{id: lcc, label: LCC, score: 0.5}`,
		`version: "2026.1"`, `version: "2026.3"`,
	).Replace(string(data))
	v3, ds := ParseQuestionnaire("v3.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return v3
}
