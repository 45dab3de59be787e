package assessment

import (
	"os"
	"slices"
	"testing"
)

// Moving the Øyer example from 2026.1 to 2026.2 keeps every answer or says
// why: each old answer is carried to an id of the new version with the same
// meaning, or a step of the migration names it.
func TestMigrateOyerKeepsOrLists(t *testing.T) {
	from := loadQuestionnaireFile(t, "../questionnaires/ks-sirkulaer-2026.1.yaml")
	to := loadQuestionnaireFile(t, "../questionnaires/ks-sirkulaer-2026.2.yaml")
	data, err := os.ReadFile("../testdata/oyer-3440.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, ds := ParseAnswers("oyer-3440.yaml", data)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	c, ds := a.Check(from, CheckOptions{})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	out, steps := Migrate(c, to)
	named := map[string]bool{}
	for _, s := range steps {
		for _, id := range s.From {
			named[id] = true
		}
	}
	moved, _ := out.Check(to, CheckOptions{})
	for _, id := range a.Answers.Order {
		old, _, _ := from.Question(id)
		if c.Value(old).Kind == ValueNone {
			continue
		}
		if qu, _, ok := to.Question(id); ok && SameValue(moved.Value(qu), c.Value(old)) {
			continue // kept as it was
		}
		if !named[id] {
			t.Errorf("%s: the answer is neither kept nor named in a step", id)
		}
	}
	if len(steps) == 0 || !slices.ContainsFunc(steps, func(s MigrationStep) bool { return len(s.From) > 1 }) {
		t.Errorf("expected renames, splits and merges: %v", steps)
	}
}
