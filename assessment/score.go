package assessment

import (
	"cmp"
	"math"
	"slices"
)

// eps is the tolerance below which a gap or a priority difference is
// floating-point noise: such a gap is no gap, and such priorities are equal.
const eps = 1e-9

// Score is a 0–100 score or a coverage share that may be undefined; it is
// never a silent 0.
type Score struct {
	Value   float64
	Defined bool
}

// Some makes a defined Score.
func Some(v float64) Score { return Score{Value: v, Defined: true} }

// Ptr returns the value or nil when undefined (for JSON).
func (s Score) Ptr() *float64 {
	if !s.Defined {
		return nil
	}
	v := s.Value
	return &v
}

// LevelRef is the maturity level of a score.
type LevelRef struct {
	Rank  int // 1-based position in the questionnaire's levels
	Level *Level
}

// Name is the level's bokmål name.
func (l *LevelRef) Name() string { return l.Level.Name.String() }

// SetScore is the score and coverage of a set of questions.
type SetScore struct {
	Score, Coverage Score
	Answered        int // answered, applicable, scored questions (|A|)
	Applicable      int // applicable scored questions (|P|)
}

// AreaResult is the outcome of one area, with its step and tier cells.
type AreaResult struct {
	Area *Area
	SetScore
	Level *LevelRef
	Steps []SetScore // aligned with Questionnaire.Steps
	Tiers []SetScore // aligned with Questionnaire.Tiers
}

// Status says how a question stands in a result.
type Status int

const (
	// Unanswered: no valid answer.
	Unanswered Status = iota
	// Answered with a value that is scored.
	Answered
	// NotApplicable: «ikke relevant»; left out of the denominators.
	NotApplicable
	// Unknown: «vet ikke»; counted as unanswered, listed apart.
	Unknown
)

// QuestionResult is one question's outcome.
type QuestionResult struct {
	Question *Question
	Area     *Area
	Answer   *Answer // as written (comment, note); nil when the file has no valid answer
	Value    Value   // the answer read for the question
	Status   Status
	Scored   bool
	N        float64 // normalized value, when answered and scored
	T        float64 // normalized target, when scored
	Target   float64 // the target in the question's units (scale value; number; else = T)
	Gap      float64
	Priority float64
}

// Gap is an answer below its target.
type Gap struct {
	*QuestionResult
	Plans []string
	// Windows are the next windows of Plans, aligned with them.
	Windows []Window
	// NextWindow is the earliest known of Windows (the first of equals);
	// nil when none is known.
	NextWindow *Window
}

// Result is the scoring of one answers file against a questionnaire.
type Result struct {
	Questionnaire *Questionnaire
	Answers       *Answers
	Total         Score
	Coverage      Score
	Counts        SetScore // answered and applicable over all scored questions
	Level         *LevelRef
	Areas         []AreaResult
	Steps         []SetScore // aligned with Questionnaire.Steps
	Tiers         []SetScore // aligned with Questionnaire.Tiers
	Questions     []QuestionResult
	Gaps          []Gap
	Unanswered    []*Question
	// Unknown lists the questions answered «vet ikke», in questionnaire
	// order: not knowing is a finding of its own.
	Unknown []*Question
	// Uncertain says the total rests on too few answers to rank or trust
	// (coverage below the questionnaire's min_coverage).
	Uncertain bool
	// Windows are the plans' next windows as of the answers' date,
	// aligned with Questionnaire.Plans.
	Windows []Window
}

// DefaultMinCoverage is the coverage below which a score is uncertain when
// a questionnaire sets none.
const DefaultMinCoverage = 0.5

// Uncertain reports whether a score with this coverage rests on too few
// answers: below min_coverage, or no coverage at all.
func (q *Questionnaire) Uncertain(coverage Score) bool {
	min := DefaultMinCoverage
	if q.MinCoverage != nil {
		min = *q.MinCoverage
	}
	return !coverage.Defined || coverage.Value < min
}

// LevelOf returns the level with the largest min ≤ s (compared exactly).
func (q *Questionnaire) LevelOf(s Score) *LevelRef {
	if !s.Defined {
		return nil
	}
	var ref *LevelRef
	for i := range q.Levels {
		if *q.Levels[i].Min <= s.Value {
			ref = &q.levelRefs[i]
		}
	}
	return ref
}

// acc accumulates the weighted sums of a set of questions.
type acc struct {
	wn, w    float64
	answered int
	possible int
}

func (a *acc) add(w, n float64, answered bool) {
	a.possible++
	if answered {
		a.answered++
		a.wn += w * n
		a.w += w
	}
}

func (a acc) result() SetScore {
	s := SetScore{Answered: a.answered, Applicable: a.possible}
	if a.answered > 0 && a.w > 0 {
		s.Score = Some(100 * a.wn / a.w)
	}
	if a.possible > 0 {
		s.Coverage = Some(float64(a.answered) / float64(a.possible))
	}
	return s
}

// normTarget is the normalized target t of a scored question.
func (q *Questionnaire) normTarget(qu *Question, a *Area, ans *Answers) (t, units float64) {
	span := q.scaleMax - q.scaleMin
	if qu.EffectiveType() == TypeScale {
		target := *q.DefaultTarget
		if qu.Target != nil {
			target = *qu.Target
		}
		if ans != nil {
			if v, ok := ans.Targets[a.ID]; ok {
				target = v
			}
		}
		return (target - q.scaleMin) / span, target
	}
	if qu.Target != nil {
		t = *qu.Target
	} else {
		t = (*q.DefaultTarget - q.scaleMin) / span
	}
	units = t
	if qu.EffectiveType() == TypeNumber {
		units = *qu.Scoring.Worst + t*(*qu.Scoring.Best-*qu.Scoring.Worst)
	}
	return t, units
}

// normValue is the normalized value n of a given answer.
func (q *Questionnaire) normValue(qu *Question, ans Value) float64 {
	switch qu.EffectiveType() {
	case TypeScale:
		return (ans.Number - q.scaleMin) / (q.scaleMax - q.scaleMin)
	case TypeYesNo:
		return ans.Number
	case TypeChoice:
		return *qu.Options[qu.optionIndex[ans.Options[0]]].Score
	case TypeMulti:
		sum := 0.0
		for _, id := range ans.Options {
			sum += *qu.Options[qu.optionIndex[id]].Score
		}
		return math.Min(1, sum)
	case TypeNumber:
		worst, best := *qu.Scoring.Worst, *qu.Scoring.Best
		return math.Max(0, math.Min(1, (ans.Number-worst)/(best-worst)))
	}
	return 0
}

// Evaluate scores checked answers against the questionnaire they were
// checked with. The rules are in the package documentation.
func Evaluate(c *Checked) *Result {
	q, ans := c.Questionnaire, c.Answers
	r := &Result{Questionnaire: q, Answers: ans}
	nS, nT := len(q.Steps), len(q.Tiers)
	areaAcc := make([]acc, len(q.Areas))
	stepAcc := make([]acc, nS)
	tierAcc := make([]acc, nT)
	cellStep := make([]acc, len(q.Areas)*nS)
	cellTier := make([]acc, len(q.Areas)*nT)
	var all acc
	r.Questions = make([]QuestionResult, 0, q.QuestionCount())

	for ai := range q.Areas {
		a := &q.Areas[ai]
		for qi := range a.Questions {
			qu := &a.Questions[qi]
			qr := QuestionResult{Question: qu, Area: a, Scored: qu.EffectiveType().Scored()}
			if v := c.values[qu.index]; v.Kind != ValueNone {
				qr.Answer, qr.Value = ans.Answers.ByID[qu.ID], v
				switch v.Kind {
				case ValueGiven:
					qr.Status = Answered
				case ValueNA:
					qr.Status = NotApplicable
				case ValueDontKnow:
					qr.Status = Unknown
				}
			}
			if qr.Scored {
				qr.T, qr.Target = q.normTarget(qu, a, ans)
				if qr.Status != NotApplicable {
					answered := qr.Status == Answered
					if answered {
						qr.N = q.normValue(qu, qr.Value)
						if g := qr.T - qr.N; g >= eps {
							qr.Gap = g
							qr.Priority = qu.weight * g
						}
					} else if qr.Status == Unknown {
						r.Unknown = append(r.Unknown, qu)
					} else {
						r.Unanswered = append(r.Unanswered, qu)
					}
					w := qu.weight
					areaAcc[ai].add(w, qr.N, answered)
					all.add(w, qr.N, answered)
					if qu.stepIdx >= 0 {
						stepAcc[qu.stepIdx].add(w, qr.N, answered)
						cellStep[ai*nS+qu.stepIdx].add(w, qr.N, answered)
					}
					if qu.tierIdx >= 0 {
						tierAcc[qu.tierIdx].add(w, qr.N, answered)
						cellTier[ai*nT+qu.tierIdx].add(w, qr.N, answered)
					}
				}
			}
			r.Questions = append(r.Questions, qr)
		}
	}

	var tw, tws float64
	r.Areas = make([]AreaResult, len(q.Areas))
	cells := make([]SetScore, len(q.Areas)*(nS+nT)) // one block for all cells
	for ai := range q.Areas {
		a := &q.Areas[ai]
		s := areaAcc[ai].result()
		off := ai * (nS + nT)
		ar := AreaResult{Area: a, SetScore: s, Level: q.LevelOf(s.Score),
			Steps: cells[off : off+nS : off+nS], Tiers: cells[off+nS : off+nS+nT : off+nS+nT]}
		for si := 0; si < nS; si++ {
			ar.Steps[si] = cellStep[ai*nS+si].result()
		}
		for ti := 0; ti < nT; ti++ {
			ar.Tiers[ti] = cellTier[ai*nT+ti].result()
		}
		r.Areas[ai] = ar
		if s.Score.Defined {
			w := a.EffectiveWeight()
			tw += w
			tws += w * s.Score.Value
		}
	}
	if tw > 0 {
		r.Total = Some(tws / tw)
	}
	r.Counts = all.result()
	r.Coverage = r.Counts.Coverage
	r.Level = q.LevelOf(r.Total)
	r.Uncertain = q.Uncertain(r.Coverage)
	r.Steps = make([]SetScore, nS)
	for i := range stepAcc {
		r.Steps[i] = stepAcc[i].result()
	}
	r.Tiers = make([]SetScore, nT)
	for i := range tierAcc {
		r.Tiers[i] = tierAcc[i].result()
	}

	// Gaps are ordered as keys, then built in place: sorting Gap values
	// moves pointers (write barriers, a reflection-based swapper).
	nGaps := 0
	for i := range r.Questions {
		if r.Questions[i].Gap > 0 {
			nGaps++
		}
	}
	keys := make([]gapKey, 0, nGaps)
	for i := range r.Questions {
		if qr := &r.Questions[i]; qr.Gap > 0 {
			keys = append(keys, gapKey{priority: qr.Priority, question: i})
		}
	}
	sortGapKeys(keys)
	r.Gaps = make([]Gap, len(keys))
	for i, k := range keys {
		qr := &r.Questions[k.question]
		r.Gaps[i] = Gap{QuestionResult: qr, Plans: qr.Question.plans}
	}
	r.Windows = q.planWindows(ans)
	gapWindows(r.Gaps, r.Windows)
	return r
}

// gapKey is what gaps are ordered by: the priority, then the question's
// position in questionnaire order (its index in Result.Questions).
type gapKey struct {
	priority float64
	question int
}

// sortGapKeys orders by priority, descending; priorities within eps of
// the first of a run count as equal and keep questionnaire order.
func sortGapKeys(ks []gapKey) {
	slices.SortFunc(ks, func(a, b gapKey) int {
		if c := cmp.Compare(b.priority, a.priority); c != 0 {
			return c
		}
		return cmp.Compare(a.question, b.question)
	})
	byQuestion := func(a, b gapKey) int { return cmp.Compare(a.question, b.question) }
	for start := 0; start < len(ks); {
		end := start + 1
		for end < len(ks) && ks[start].priority-ks[end].priority < eps {
			end++
		}
		slices.SortFunc(ks[start:end], byQuestion)
		start = end
	}
}
