package questionnaires

import (
	"slices"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment"
)

func TestRegistry(t *testing.T) {
	entries, err := List()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("no embedded questionnaires")
	}
	if _, err := Get(DefaultID); err != nil {
		t.Fatal(err)
	}
	if _, err := Get("finnes-ikke"); err == nil || !strings.Contains(err.Error(), "ukjent spørreskjema") {
		t.Errorf("Get(unknown) = %v", err)
	}
}

// TestDefaultQuestionnaireCoverage pins the content rules of the default
// questionnaire: the KS guide's seven areas in order, each covering all
// five steps and three tiers, with help, action and plans everywhere.
func TestDefaultQuestionnaireCoverage(t *testing.T) {
	e, err := Get(DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	q := e.Questionnaire
	var areas []string
	for _, a := range q.Areas {
		areas = append(areas, a.ID)
	}
	if want := "styring,naering,bygg,transport,mat,avfall,skog"; strings.Join(areas, ",") != want {
		t.Errorf("areas = %v, want %s", areas, want)
	}
	if n := q.QuestionCount(); n < 60 || n > 100 {
		t.Errorf("%d questions, want 60–100", n)
	}
	for _, id := range []int{1, 2, 3, 4, 5} {
		if _, ok := q.StepByID(id); !ok {
			t.Errorf("step %d missing", id)
		}
	}
	for _, id := range []string{"I", "II", "III"} {
		if _, ok := q.TierByID(id); !ok {
			t.Errorf("tier %s missing", id)
		}
	}
	wantPlans := []string{"planstrategi", "planprogram", "kommuneplan-samfunnsdel", "kommuneplan-arealdel", "okonomiplan", "temaplan", "virksomhetsplan"}
	var planOrder []string
	for _, p := range q.Plans {
		planOrder = append(planOrder, p.ID)
	}
	if !slices.Equal(planOrder, wantPlans) {
		t.Errorf("plans = %v, want the planning cycle %v", planOrder, wantPlans)
	}
	usedPlans := map[string]bool{}
	usedExamples := map[string]bool{}
	for _, a := range q.Areas {
		steps, tiers := map[int]bool{}, map[string]bool{}
		for i := range a.Questions {
			qu := &a.Questions[i]
			steps[qu.Step] = true
			tiers[qu.Tier] = true
			if !qu.EffectiveType().Scored() {
				continue
			}
			if qu.Help.IsZero() || qu.Action.IsZero() || len(qu.EffectivePlans()) == 0 {
				t.Errorf("%s: scored question lacks help, action or plans", qu.ID)
			}
			for _, p := range qu.EffectivePlans() {
				usedPlans[p] = true
			}
			for _, ex := range qu.Examples {
				usedExamples[ex] = true
			}
		}
		for _, s := range []int{1, 2, 3, 4, 5} {
			if !steps[s] {
				t.Errorf("area %s has no question on step %d", a.ID, s)
			}
		}
		for _, tr := range []string{"I", "II", "III"} {
			if !tiers[tr] {
				t.Errorf("area %s has no question on tier %s", a.ID, tr)
			}
		}
		if n := len(a.Questions); n < 8 || n > 18 {
			t.Errorf("area %s has %d questions", a.ID, n)
		}
	}
	for _, p := range wantPlans {
		if !usedPlans[p] {
			t.Errorf("plan %s is used by no question", p)
		}
	}
	if len(q.Examples) < 7 {
		t.Errorf("%d examples, want ≥ 7", len(q.Examples))
	}
	for _, ex := range q.Examples {
		if !usedExamples[ex.ID] {
			t.Errorf("example %s is referenced by no question", ex.ID)
		}
	}
	if len(q.Glossary) < 10 {
		t.Errorf("%d glossary terms, want ≥ 10", len(q.Glossary))
	}
	if len(q.Facts) == 0 {
		t.Error("no facts")
	}
	if *q.DefaultTarget != 3 || len(q.Levels) != 5 {
		t.Errorf("default_target %v, %d levels", *q.DefaultTarget, len(q.Levels))
	}
}

// TestExportRoundTrip: the exported source parses to the same questionnaire.
func TestExportRoundTrip(t *testing.T) {
	e, err := Get(DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	q, ds := assessment.ParseQuestionnaire("export.yaml", e.Source)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if q.QuestionCount() != e.Questionnaire.QuestionCount() {
		t.Error("question count differs")
	}
}
