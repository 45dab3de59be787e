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

// contentRules are what each embedded questionnaire must hold.
type contentRules struct {
	ref                string
	minQ, maxQ         int
	areas              string
	plans              []string // the planning cycle; nil: each plan needs kind, law, adopter and cycle
	maxPlanShare       float64  // of all question→plan mappings; 0: not checked
	scaleHelpNamesAll4 bool     // every scale help describes Planlagt … Systematisk og evaluert
	nynorsk            bool     // every text in nn too (the loader checks each when declared)
}

var embeddedRules = []contentRules{
	{ref: "ks-sirkulaer@2026.1", minQ: 60, maxQ: 100, areas: "styring,naering,bygg,transport,mat,avfall,skog",
		plans: []string{"planstrategi", "planprogram", "kommuneplan-samfunnsdel", "kommuneplan-arealdel", "okonomiplan", "temaplan", "virksomhetsplan"}},
	{ref: "ks-sirkulaer@2026.2", minQ: 80, maxQ: 100, areas: "styring,naering,bygg,transport,mat,avfall,skog",
		maxPlanShare: 0.25, scaleHelpNamesAll4: true, nynorsk: true},
	{ref: "ks-sirkulaer-fylke@2026.2", minQ: 50, maxQ: 90, areas: "styring,naering,bygg,transport,mat,avfall,skog",
		maxPlanShare: 0.25, scaleHelpNamesAll4: true, nynorsk: true},
}

// TestQuestionnaireContent pins the content rules of the embedded
// questionnaires: the KS guide's areas in order, each covering all five
// steps and three tiers, with help, action and plans on every scored
// question, every plan used, and (from 2026.2) a plan model with legal
// basis, adopter and cycle, no plan carrying more than a quarter of the
// mappings, and help texts that describe each level of the scale.
func TestQuestionnaireContent(t *testing.T) {
	for _, rule := range embeddedRules {
		t.Run(rule.ref, func(t *testing.T) {
			e, err := Get(rule.ref)
			if err != nil {
				t.Fatal(err)
			}
			checkContent(t, e.Questionnaire, rule)
		})
	}
}

func checkContent(t *testing.T, q *assessment.Questionnaire, rule contentRules) {
	if rule.nynorsk && !slices.Contains(q.Languages, "nn") {
		t.Errorf("languages %v, want nb and nn", q.Languages)
	}
	var areas []string
	for _, a := range q.Areas {
		areas = append(areas, a.ID)
	}
	if strings.Join(areas, ",") != rule.areas {
		t.Errorf("areas = %v, want %s", areas, rule.areas)
	}
	if n := q.QuestionCount(); n < rule.minQ || n > rule.maxQ {
		t.Errorf("%d questions, want %d–%d", n, rule.minQ, rule.maxQ)
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
	var planOrder []string
	for _, p := range q.Plans {
		planOrder = append(planOrder, p.ID)
		if rule.plans == nil && (p.Kind == "" || p.Law.IsZero() || p.DecidedBy.IsZero() || p.EffectiveCycle() == nil) {
			t.Errorf("plan %s lacks kind, law, decided_by or a cycle", p.ID)
		}
	}
	if rule.plans != nil && !slices.Equal(planOrder, rule.plans) {
		t.Errorf("plans = %v, want the planning cycle %v", planOrder, rule.plans)
	}
	usedPlans := map[string]int{}
	mappings := 0
	usedExamples := map[string]bool{}
	for _, a := range q.Areas {
		steps, tiers := map[int]bool{}, map[string]bool{}
		for i := range a.Questions {
			qu := &a.Questions[i]
			if !qu.EffectiveType().Scored() {
				continue
			}
			steps[qu.Step] = true
			tiers[qu.Tier] = true
			if qu.Help.IsZero() || qu.Action.IsZero() || len(qu.EffectivePlans()) == 0 {
				t.Errorf("%s: scored question lacks help, action or plans", qu.ID)
			}
			if rule.scaleHelpNamesAll4 && qu.EffectiveType() == assessment.TypeScale {
				for _, level := range []string{"Planlagt", "Påbegynt", "Etablert", "Systematisk og evaluert"} {
					if !strings.Contains(qu.Help.String(), level) {
						t.Errorf("%s: the help does not say what «%s» looks like", qu.ID, level)
					}
				}
			}
			for _, p := range qu.EffectivePlans() {
				usedPlans[p]++
				mappings++
			}
			for _, ex := range qu.Examples {
				usedExamples[ex] = true
			}
		}
		for _, s := range []int{1, 2, 3, 4, 5} {
			if !steps[s] {
				t.Errorf("area %s has no scored question on step %d", a.ID, s)
			}
		}
		for _, tr := range []string{"I", "II", "III"} {
			if !tiers[tr] {
				t.Errorf("area %s has no scored question on tier %s", a.ID, tr)
			}
		}
		if n := len(a.Questions); n < 8 || n > 20 {
			t.Errorf("area %s has %d questions", a.ID, n)
		}
	}
	for _, p := range planOrder {
		if usedPlans[p] == 0 {
			t.Errorf("plan %s is used by no question", p)
		}
		if share := float64(usedPlans[p]) / float64(mappings); rule.maxPlanShare > 0 && share > rule.maxPlanShare {
			t.Errorf("plan %s takes %.0f %% of %d mappings, more than %.0f %%", p, 100*share, mappings, 100*rule.maxPlanShare)
		}
	}
	if len(q.Examples) < 5 {
		t.Errorf("%d examples, want ≥ 5", len(q.Examples))
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
	for _, f := range q.Facts {
		if strings.TrimSpace(f.Source) == "" {
			t.Errorf("fact without a source: %s", f.Text)
		}
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
