package assessment

import (
	"math"
	"strings"
	"testing"
)

// scoringQ has a 1–6 scale (not starting at 0), two weighted areas and every
// question type, so that each scoring rule can be computed by hand.
const scoringQ = `kind: questionnaire
id: regnestykke
version: "1"
title: Regnestykker
scale:
  - {value: 1, label: En}
  - {value: 2, label: To}
  - {value: 3, label: Tre}
  - {value: 4, label: Fire}
  - {value: 5, label: Fem}
  - {value: 6, label: Seks}
default_target: 5
levels:
  - {min: 0, name: Start}
  - {min: 40, name: Midt}
  - {min: 80, name: Topp}
steps: [{id: 1, name: Plan}, {id: 2, name: Budsjett}]
tiers: [{id: I, name: En}, {id: II, name: To}]
plans: [{id: p1, name: Plan 1}, {id: p2, name: Plan 2}]
areas:
  - id: a
    name: A
    weight: 3
    plans: [p1]
    questions:
      - {id: a-skala, text: S, step: 1, tier: I}
      - {id: a-skala2, text: S2, step: 2, weight: 2, target: 6, plans: [p2]}
      - {id: a-janei, text: J, type: yesno, tier: II}
      - {id: a-tekst, text: T, type: text}
  - id: b
    name: B
    allow_na: true
    questions:
      - {id: b-tall, text: N, type: number, step: 1, scoring: {worst: 100, best: 0}, target: 0.5}
      - id: b-valg
        text: C
        type: choice
        tier: I
        options: [{id: x, label: X, score: 0}, {id: y, label: Y, score: 1}, {id: z, label: Z, score: 0.4}]
      - id: b-flere
        text: M
        type: multi
        tier: II
        options: [{id: x, label: X, score: 0.5}, {id: y, label: Y, score: 0.75}, {id: z, label: Z, score: 0.1}]
`

func mustQ(t *testing.T, src string) *Questionnaire {
	t.Helper()
	q, ds := ParseQuestionnaire("q.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatalf("questionnaire: %v", ds)
	}
	return q
}

func mustA(t *testing.T, q *Questionnaire, answers string) *Checked {
	t.Helper()
	src := "kind: answers\nquestionnaire: {id: " + q.ID + ", version: \"" + q.Version + "\"}\n" +
		"municipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-20\n" + answers
	a, ds := ParseAnswers("a.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatalf("answers: %v", ds)
	}
	c, ds := a.Check(q, CheckOptions{})
	if ds.HasErrors() {
		t.Fatalf("check: %v", ds)
	}
	return c
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func wantScore(t *testing.T, what string, got Score, want float64) {
	t.Helper()
	if !got.Defined || !near(got.Value, want) {
		t.Errorf("%s = %+v, want %v", what, got, want)
	}
}

func wantUndefined(t *testing.T, what string, got Score) {
	t.Helper()
	if got.Defined {
		t.Errorf("%s = %v, want undefined", what, got.Value)
	}
}

func TestScoreHandComputed(t *testing.T) {
	q := mustQ(t, scoringQ)
	a := mustA(t, q, `answers:
  a-skala: 4          # n = (4-1)/5 = 0.6, t = (5-1)/5 = 0.8, gap 0.2
  a-skala2: 6         # n = 1, target 6 → t = 1, no gap; weight 2
  a-janei: nei        # n = 0, t = 0.8, gap 0.8
  a-tekst: fritekst   # not scored
  b-tall: 25          # worst 100, best 0 → n = 0.75; t = 0.5, no gap
  b-valg: z           # n = 0.4, t = 0.8, gap 0.4
  b-flere: [x, y]     # n = min(1, 1.25) = 1
`)
	r := Evaluate(a)
	// Area a: (1·0.6 + 2·1 + 1·0)/4 = 0.65 → 65.
	wantScore(t, "area a", r.Areas[0].Score, 65)
	// Area b: (0.75 + 0.4 + 1)/3 = 0.71666… → 71.666…
	wantScore(t, "area b", r.Areas[1].Score, 100*(0.75+0.4+1)/3)
	// Total: area-weighted, (3·65 + 1·71.666…)/4.
	wantScore(t, "total", r.Total, (3*65+100*(0.75+0.4+1)/3)/4)
	wantScore(t, "coverage", r.Coverage, 1)
	// Step 1: a-skala (0.6, w1) and b-tall (0.75, w1) → 67.5.
	wantScore(t, "step 1", r.Steps[0].Score, 67.5)
	// Step 2: a-skala2 only → 100.
	wantScore(t, "step 2", r.Steps[1].Score, 100)
	// Tier I: a-skala 0.6, b-valg 0.4 → 50; tier II: a-janei 0, b-flere 1 → 50.
	wantScore(t, "tier I", r.Tiers[0].Score, 50)
	wantScore(t, "tier II", r.Tiers[1].Score, 50)
	// Cells: a × step 1 = 60, b × step 2 undefined.
	wantScore(t, "a×1", r.Areas[0].Steps[0].Score, 60)
	wantUndefined(t, "b×2", r.Areas[1].Steps[1].Score)
	wantUndefined(t, "b×2 coverage", r.Areas[1].Steps[1].Coverage)
	if r.Level == nil || r.Level.Name() != "Midt" || r.Level.Rank != 2 {
		t.Errorf("level = %+v", r.Level)
	}
	// Gaps by priority: a-janei 0.8, b-valg 0.4, a-skala 0.2.
	var got []string
	for _, g := range r.Gaps {
		got = append(got, g.Question.ID)
	}
	if strings.Join(got, ",") != "a-janei,b-valg,a-skala" {
		t.Errorf("gaps = %v", got)
	}
	if !near(r.Gaps[0].Gap, 0.8) || !near(r.Gaps[0].Priority, 0.8) {
		t.Errorf("gap a-janei = %+v", r.Gaps[0].QuestionResult)
	}
	// Plans: a-skala inherits the area's p1.
	if p := r.Gaps[2].Plans; len(p) != 1 || p[0] != "p1" {
		t.Errorf("inherited plans = %v", p)
	}
	if len(r.Unanswered) != 0 {
		t.Errorf("unanswered = %v", r.Unanswered)
	}
}

func TestScoreNumberWorstAboveBest(t *testing.T) {
	q := mustQ(t, scoringQ)
	for _, c := range []struct {
		x    string
		want float64
	}{{"25", 75}, {"100", 0}, {"150", 0}, {"0", 100}, {"-10", 100}, {"62.5", 37.5}} {
		r := Evaluate(mustA(t, q, "answers: {b-tall: "+c.x+"}"))
		wantScore(t, "b-tall "+c.x, r.Areas[1].Score, c.want)
	}
}

func TestScoreTargetsOverride(t *testing.T) {
	q := mustQ(t, scoringQ)
	// targets: {a: 6} raises the target of a's scale questions to t = 1,
	// also over a question's own target; yesno keeps its default target.
	r := Evaluate(mustA(t, q, "targets: {a: 6}\nanswers: {a-skala: 4, a-janei: ja}"))
	if len(r.Gaps) != 1 || r.Gaps[0].Question.ID != "a-skala" || !near(r.Gaps[0].Gap, 0.4) || r.Gaps[0].Target != 6 {
		t.Fatalf("gaps = %+v", r.Gaps)
	}
	r = Evaluate(mustA(t, q, "targets: {a: 2}\nanswers: {a-skala: 4}"))
	if len(r.Gaps) != 0 {
		t.Errorf("target 2 below answer 4 must give no gap, got %+v", r.Gaps)
	}
}

func TestScoreNotApplicableAndUnanswered(t *testing.T) {
	q := mustQ(t, scoringQ)
	// All of b is «ikke relevant»: b undefined, total is a's score alone.
	r := Evaluate(mustA(t, q, "answers: {a-skala: 6, a-skala2: 1, a-janei: ja, b-tall: na, b-valg: na, b-flere: na}"))
	wantUndefined(t, "area b", r.Areas[1].Score)
	wantUndefined(t, "area b coverage", r.Areas[1].Coverage)
	wantScore(t, "area a", r.Areas[0].Score, 50) // (1 + 0 + 1)/4 with weight 2 on 0
	wantScore(t, "total", r.Total, 50)
	wantScore(t, "coverage", r.Coverage, 1) // na leaves the denominator
	// Nothing answered: total undefined, coverage 0, every scored question unanswered.
	r = Evaluate(mustA(t, q, "answers: {}"))
	wantUndefined(t, "total", r.Total)
	wantScore(t, "coverage", r.Coverage, 0)
	if r.Level != nil {
		t.Errorf("level of undefined total = %+v", r.Level)
	}
	if len(r.Unanswered) != 6 || r.Unanswered[0].ID != "a-skala" {
		t.Errorf("unanswered = %d", len(r.Unanswered))
	}
	// An empty value counts as unanswered, not as 0.
	r = Evaluate(mustA(t, q, "answers: {a-skala: , a-janei: ja}"))
	wantScore(t, "area a", r.Areas[0].Score, 100)
	wantScore(t, "coverage", r.Coverage, 1.0/6)
}

func TestLevelBoundaries(t *testing.T) {
	q := mustQ(t, scoringQ)
	for _, c := range []struct {
		s    float64
		want string
	}{{0, "Start"}, {39.999999999, "Start"}, {40, "Midt"}, {79.99, "Midt"}, {80, "Topp"}, {100, "Topp"}} {
		if got := q.LevelOf(Some(c.s)).Name(); got != c.want {
			t.Errorf("LevelOf(%v) = %s, want %s", c.s, got, c.want)
		}
	}
	// A score of exactly 40 computed from answers: (4−1)/5 = 0.6 and
	// (1−1)/5 = 0 with weight 2 on the latter → (0.6 + 0)/… use a-skala 3
	// (n = 0.4) alone: 40 exactly.
	r := Evaluate(mustA(t, q, "answers: {a-skala: 3}"))
	wantScore(t, "total", r.Total, 40)
	if r.Level.Name() != "Midt" {
		t.Errorf("level at 40 = %s", r.Level.Name())
	}
}

func TestEqualPrioritiesKeepQuestionnaireOrder(t *testing.T) {
	q := mustQ(t, scoringQ)
	// a-janei (gap 0.8, area a) and b-valg x (gap 0.8, area b) tie; then
	// a-skala 1 (gap 0.8) — all three equal: questionnaire order.
	r := Evaluate(mustA(t, q, "answers: {b-valg: x, a-janei: nei, a-skala: 1}"))
	var got []string
	for _, g := range r.Gaps {
		got = append(got, g.Question.ID)
	}
	if strings.Join(got, ",") != "a-skala,a-janei,b-valg" {
		t.Errorf("gaps = %v", got)
	}
}

func TestSortGapsNoise(t *testing.T) {
	q := mustQ(t, scoringQ)
	mk := func(id string, p float64) gapKey {
		qu, _, _ := q.Question(id)
		return gapKey{priority: p, question: qu.Index()}
	}
	ks := []gapKey{mk("b-valg", 0.3+1e-12), mk("a-skala", 0.3), mk("a-janei", 0.5), mk("b-tall", 0.3-2e-12)}
	sortGapKeys(ks)
	var got []string
	for _, k := range ks {
		got = append(got, q.QuestionIDs()[k.question])
	}
	if strings.Join(got, ",") != "a-janei,a-skala,b-tall,b-valg" {
		t.Errorf("order = %v", got)
	}
}

// A total that rests on few answers is uncertain; min_coverage moves the
// line, and the line itself is certain.
func TestUncertain(t *testing.T) {
	q := mustQ(t, scoringQ)
	r := Evaluate(mustA(t, q, "answers: {a-skala: 4}"))
	if !r.Uncertain {
		t.Errorf("coverage %v is not uncertain", r.Coverage)
	}
	r = Evaluate(mustA(t, q, "answers: {a-skala: 4, a-skala2: 1, a-janei: ja, b-tall: 3, b-valg: x, b-flere: [x]}"))
	if r.Uncertain {
		t.Errorf("full coverage is uncertain")
	}
	half := 0.5
	for _, tc := range []struct {
		min  float64
		cov  float64
		want bool
	}{{0.5, 0.5, false}, {0.5, 0.49, true}, {0.9, 0.8, true}, {0, 0, false}} {
		q.MinCoverage = &tc.min
		if got := q.Uncertain(Some(tc.cov)); got != tc.want {
			t.Errorf("min %v, coverage %v: uncertain %v", tc.min, tc.cov, got)
		}
	}
	q.MinCoverage = &half
	if !q.Uncertain(Score{}) {
		t.Error("undefined coverage is certain")
	}
}
