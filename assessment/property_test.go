package assessment_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/synth"
)

func ksQuestionnaire(t testing.TB) *assessment.Questionnaire {
	t.Helper()
	data, err := os.ReadFile("../questionnaires/ks-sirkulaer-2026.1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	q, ds := assessment.ParseQuestionnaire("ks-sirkulaer.yaml", data)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return q
}

// naEverywhere is the default questionnaire with «ikke relevant» allowed
// on every question, so that the na property can be tried on all of them.
func naEverywhere(t testing.TB) *assessment.Questionnaire {
	t.Helper()
	data, err := os.ReadFile("../questionnaires/ks-sirkulaer-2026.1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.ReplaceAll(string(data), "\n    questions:\n", "\n    allow_na: true\n    questions:\n")
	src = strings.ReplaceAll(src, "    allow_na: true\n    allow_na: true\n", "    allow_na: true\n")
	q, ds := assessment.ParseQuestionnaire("ks-sirkulaer.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return q
}

func synthAnswers(t testing.TB, q *assessment.Questionnaire, i int) *assessment.Answers {
	t.Helper()
	name := fmt.Sprintf("synth-%d.yaml", i)
	a, ds := assessment.ParseAnswers(name, synth.File(q, synth.Options{Seed: 7, AnswerRate: 0.8}, i))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return a
}

// evaluate checks and scores answers, failing on any error.
func evaluate(t testing.TB, q *assessment.Questionnaire, a *assessment.Answers) (*assessment.Result, *assessment.Checked) {
	t.Helper()
	c, ds := a.Check(q, assessment.CheckOptions{})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return assessment.Evaluate(c), c
}

// allSets lists every score of a result with a name, so properties can be
// checked over all of them at once.
func allSets(r *assessment.Result) map[string]assessment.SetScore {
	m := map[string]assessment.SetScore{"total": {Score: r.Total, Coverage: r.Coverage, Answered: r.Counts.Answered, Applicable: r.Counts.Applicable}}
	for i, s := range r.Steps {
		m[fmt.Sprintf("step%d", i)] = s
	}
	for i, s := range r.Tiers {
		m[fmt.Sprintf("tier%d", i)] = s
	}
	for _, ar := range r.Areas {
		m[ar.Area.ID] = ar.SetScore
		for i, s := range ar.Steps {
			m[fmt.Sprintf("%s×step%d", ar.Area.ID, i)] = s
		}
		for i, s := range ar.Tiers {
			m[fmt.Sprintf("%s×tier%d", ar.Area.ID, i)] = s
		}
	}
	return m
}

func TestPropertyRanges(t *testing.T) {
	q := ksQuestionnaire(t)
	for i := range 200 {
		r, _ := evaluate(t, q, synthAnswers(t, q, i))
		for name, s := range allSets(r) {
			if s.Score.Defined && (s.Score.Value < 0 || s.Score.Value > 100) {
				t.Fatalf("file %d %s score %v", i, name, s.Score.Value)
			}
			if s.Coverage.Defined && (s.Coverage.Value < 0 || s.Coverage.Value > 1) {
				t.Fatalf("file %d %s coverage %v", i, name, s.Coverage.Value)
			}
			if s.Score.Defined != (s.Answered > 0) {
				t.Fatalf("file %d %s: score defined %v with %d answered", i, name, s.Score.Defined, s.Answered)
			}
		}
		for _, g := range r.Gaps {
			if g.Gap <= 0 || g.Gap > 1 {
				t.Fatalf("gap %v", g.Gap)
			}
		}
	}
}

// raise returns the value one step better, or false when it is already
// the best.
func raise(q *assessment.Questionnaire, qu *assessment.Question, a assessment.Value) (assessment.Value, bool) {
	b := a
	switch qu.EffectiveType() {
	case assessment.TypeScale:
		for _, p := range q.Scale {
			if *p.Value > a.Number {
				b.Number = *p.Value
				return b, true
			}
		}
	case assessment.TypeYesNo:
		if a.Number == 0 {
			b.Number = 1
			return b, true
		}
	case assessment.TypeNumber:
		step := (*qu.Scoring.Best - *qu.Scoring.Worst) / 10
		b.Number = a.Number + step
		if qu.Max != nil && b.Number > *qu.Max || qu.Min != nil && b.Number < *qu.Min {
			return b, false
		}
		return b, true
	case assessment.TypeMulti:
		for _, o := range qu.Options {
			has := false
			for _, id := range a.Options {
				has = has || id == o.ID
			}
			if !has {
				b.Options = append(append([]string{}, a.Options...), o.ID)
				return b, true
			}
		}
	case assessment.TypeChoice:
		cur, _ := qu.Option(a.Options[0])
		for _, o := range qu.Options {
			if *o.Score > *cur.Score {
				b.Options = []string{o.ID}
				return b, true
			}
		}
	}
	return b, false
}

func TestPropertyRaisingNeverLowers(t *testing.T) {
	q := ksQuestionnaire(t)
	for i := range 30 {
		a := synthAnswers(t, q, i)
		r0, c := evaluate(t, q, a)
		before := allSets(r0)
		for _, id := range a.Answers.Order {
			old := a.Answers.ByID[id]
			qu, _, _ := q.Question(id)
			v := c.Value(qu)
			if v.Kind != assessment.ValueGiven || !qu.EffectiveType().Scored() {
				continue
			}
			up, ok := raise(q, qu, v)
			if !ok {
				continue
			}
			a.Answers.ByID[id] = assessment.NewAnswer(qu, up)
			r, _ := evaluate(t, q, a)
			after := allSets(r)
			a.Answers.ByID[id] = old
			for name, s := range after {
				b := before[name]
				if b.Score.Defined && s.Score.Value < b.Score.Value-1e-9 {
					t.Fatalf("file %d: raising %s lowered %s from %v to %v", i, id, name, b.Score.Value, s.Score.Value)
				}
			}
		}
	}
}

func TestPropertyNADropsOnlyItsOwnDenominator(t *testing.T) {
	q := naEverywhere(t)
	for i := range 20 {
		a := synthAnswers(t, q, i)
		r0, c := evaluate(t, q, a)
		before := allSets(r0)
		for _, id := range a.Answers.Order {
			old := a.Answers.ByID[id]
			qu, area, _ := q.Question(id)
			if c.Value(qu).Kind == assessment.ValueNA || !qu.EffectiveType().Scored() {
				continue
			}
			a.Answers.ByID[id] = assessment.NewAnswer(qu, assessment.Value{Kind: assessment.ValueNA})
			r, _ := evaluate(t, q, a)
			after := allSets(r)
			a.Answers.ByID[id] = old
			contains := map[string]bool{"total": true, area.ID: true}
			for si, s := range q.Steps {
				if s.ID == qu.Step {
					contains[fmt.Sprintf("step%d", si)] = true
					contains[fmt.Sprintf("%s×step%d", area.ID, si)] = true
				}
			}
			for ti, tr := range q.Tiers {
				if tr.ID == qu.Tier {
					contains[fmt.Sprintf("tier%d", ti)] = true
					contains[fmt.Sprintf("%s×tier%d", area.ID, ti)] = true
				}
			}
			for name, s := range after {
				want := before[name].Applicable
				if contains[name] {
					want--
				}
				if s.Applicable != want {
					t.Fatalf("file %d: na on %s changed %s's denominator %d → %d", i, id, name, before[name].Applicable, s.Applicable)
				}
			}
		}
	}
}

func BenchmarkScoreOne(b *testing.B) {
	q := ksQuestionnaire(b)
	data := synth.File(q, synth.Options{Seed: 1}, 42)
	b.ReportAllocs()
	for b.Loop() {
		a, ds := assessment.ParseAnswers("a.yaml", data)
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		c, _ := a.Check(q, assessment.CheckOptions{})
		assessment.Evaluate(c)
	}
}

func BenchmarkEvaluate(b *testing.B) {
	q := ksQuestionnaire(b)
	_, c := evaluate(b, q, synthAnswers(b, q, 42))
	b.ReportAllocs()
	for b.Loop() {
		assessment.Evaluate(c)
	}
}
