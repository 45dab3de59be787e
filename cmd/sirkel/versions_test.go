package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/questionnaires"
)

// versionsFixture reads a questionnaire of testdata/versions the way -q does.
func versionsFixture(t *testing.T, name string) *assessment.Questionnaire {
	t.Helper()
	q, err := batch.NewSource("../../testdata/versions/"+name, nil).Fixed()
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// TestQuestionnaireListVersions: «questionnaire list» with two versions of
// one id, as the registry orders them, shows both and what a bare id means.
func TestQuestionnaireListVersions(t *testing.T) {
	v1, v2 := versionsFixture(t, "v1.yaml"), versionsFixture(t, "v2.yaml")
	entries := []questionnaires.Entry{{Questionnaire: versionsFixture(t, "../mini-questionnaire.yaml")}, {Questionnaire: v2}, {Questionnaire: v1}}
	var b strings.Builder
	if err := writeQuestionnaireList(&b, lang.For(lang.NB), entries); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	want := []string{
		"ID            VERSJON  SPØRSMÅL  TITTEL",
		"mini          1        6         Liten testundersøkelse",
		"versjonstest  2026.2   9         Versjonstest",
		"versjonstest  2026.1   10        Versjonstest",
		"",
		"Nyeste versjon står først. «versjonstest» betyr versjonstest@2026.2; skriv versjonstest@2026.1 for en eldre.",
		"",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("list:\n%s\nwant:\n%s", b.String(), strings.Join(want, "\n"))
	}
}
