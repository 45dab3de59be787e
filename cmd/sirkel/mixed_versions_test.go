package main

import (
	"slices"
	"testing"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/questionnaires"
)

// TestMixedVersionsWarning: a comparison of files read against different
// versions of one questionnaire says so once, naming the versions in order.
func TestMixedVersionsWarning(t *testing.T) {
	v1, v2 := versionsFixture(t, "v1.yaml"), versionsFixture(t, "v2.yaml")
	ks, err := questionnaires.Get(questionnaires.DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	vs := versionSet{}
	for _, q := range []*assessment.Questionnaire{v2, ks.Questionnaire, v1, v2, nil} {
		vs.add(q)
	}
	want := []string{"filene gjelder ulike versjoner av versjonstest (2026.1, 2026.2); områdeskårene sammenlignes, spørsmål bare der id-ene er like"}
	var got []string
	for _, m := range vs.warnings() {
		got = append(got, m.In(lang.For(lang.NB)))
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings = %q, want %q", got, want)
	}
	one := versionSet{}
	one.add(v1)
	one.add(v1)
	if got := one.warnings(); len(got) != 0 {
		t.Errorf("one version: %q", got)
	}
}
