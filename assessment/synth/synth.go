// Package synth generates deterministic synthetic answer files for any
// questionnaire, for tests and benchmarks.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/sirkel/sirkel/assessment/register"

	"github.com/sirkel/sirkel/assessment"
)

// Options tune the generated answers.
type Options struct {
	Seed uint64
	// AnswerRate is the share of questions answered (default 0.9).
	AnswerRate float64
}

// File returns the i-th synthetic answers file as YAML. The same
// questionnaire, options and i always give the same bytes. Municipalities
// cycle through the register; each file has its own profile (some strong,
// some weak), so that scores spread over the whole range.
func File(q *assessment.Questionnaire, opt Options, i int) []byte {
	rate := opt.AnswerRate
	if rate == 0 {
		rate = 0.9
	}
	rng := rand.New(rand.NewPCG(opt.Seed, uint64(i)))
	reg := register.Kommuner()
	m := reg[i%len(reg)]
	// A municipality's maturity, 0..1: answers cluster around it.
	level := rng.Float64()

	var b strings.Builder
	b.Grow(4096)
	fmt.Fprintf(&b, "kind: answers\nquestionnaire: {id: %s, version: %q}\n", q.ID, q.Version)
	fmt.Fprintf(&b, "municipality: {name: %q, number: %q}\n", m.Name, m.Number)
	fmt.Fprintf(&b, "respondents:\n  - {name: \"Syntetisk respondent %d\", role: Klimarådgiver}\n", i)
	fmt.Fprintf(&b, "date: 2026-%02d-%02d\nanswers:\n", 1+rng.IntN(12), 1+rng.IntN(28))
	lo, hi := q.ScaleRange()
	q.AllQuestions(func(_ *assessment.Area, qu *assessment.Question) {
		if rng.Float64() >= rate {
			return
		}
		if qu.NAAllowed() && rng.Float64() < 0.1 {
			fmt.Fprintf(&b, "  %s: na\n", qu.ID)
			return
		}
		v := answer(rng, q, qu, level, lo, hi)
		if rng.Float64() < 0.1 {
			fmt.Fprintf(&b, "  %s: {value: %s, comment: \"Kommentar %d til %s\"}\n", qu.ID, v, i, qu.ID)
			return
		}
		fmt.Fprintf(&b, "  %s: %s\n", qu.ID, v)
	})
	return []byte(b.String())
}

// near draws a share in [0,1] around the municipality's level.
func near(rng *rand.Rand, level float64) float64 {
	x := level + (rng.Float64()-0.5)*0.6
	return max(0, min(1, x))
}

func answer(rng *rand.Rand, q *assessment.Questionnaire, qu *assessment.Question, level, lo, hi float64) string {
	switch qu.EffectiveType() {
	case assessment.TypeYesNo:
		if near(rng, level) >= 0.5 {
			return "ja"
		}
		return "nei"
	case assessment.TypeChoice:
		return qu.Options[rng.IntN(len(qu.Options))].ID
	case assessment.TypeMulti:
		var ids []string
		for _, o := range qu.Options {
			if near(rng, level) >= 0.5 {
				ids = append(ids, o.ID)
			}
		}
		return "[" + strings.Join(ids, ", ") + "]"
	case assessment.TypeNumber:
		w, bst := *qu.Scoring.Worst, *qu.Scoring.Best
		return strconv.FormatFloat(w+near(rng, level)*(bst-w), 'f', 1, 64)
	case assessment.TypeText:
		return fmt.Sprintf("\"Fritekst %d\"", rng.IntN(1000))
	}
	// Scale: pick the scale value nearest to the drawn share.
	x := lo + near(rng, level)*(hi-lo)
	best := *q.Scale[0].Value
	for _, p := range q.Scale {
		if abs(*p.Value-x) < abs(best-x) {
			best = *p.Value
		}
	}
	return strconv.FormatFloat(best, 'f', -1, 64)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
