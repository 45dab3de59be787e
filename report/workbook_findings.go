package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/scores"
)

// maxFindings keeps the summary short enough to be read in a minute.
const maxFindings = 6

// Thresholds for what counts as worth saying, in score points (0–100) or
// shares. A difference smaller than the display precision is no change.
const (
	sameScore       = 0.05 // below this two scores read the same (one decimal)
	nearNextLevel   = 5.0  // «det mangler x poeng til neste nivå»
	stepSpread      = 5.0  // steps closer than this are even, nothing lags
	tierContrast    = 25.0 // nivå I this much above nivå III is worth a sentence
	lowCoverage     = 0.8  // below this the scores are uncertain
	lowAreaCoverage = 0.5
)

// finding is one candidate sentence: order is where it stands in the
// summary, rank how much it matters when there are too many.
type finding struct {
	order, rank int
	text        string
}

// KeyFindings are the summary's plain-language findings in p's
// language, generated from the scores: where the municipality stands,
// its strongest and weakest areas, what has changed since the baseline
// (may be nil), how certain the scores are, what it answered «vet ikke»
// to, the step and tier that lag, and where the actions are. There are
// at most six, in reading order; they speak of the respondent in the
// questionnaire's words (kommunen, fylkeskommunen).
func KeyFindings(p *lang.Printer, r, baseline *assessment.Result) []string {
	var fs []finding
	add := func(order, rank int, text string) {
		if text != "" {
			fs = append(fs, finding{order, rank, text})
		}
	}
	add(1, 1, totalFinding(p, r))
	if r.Total.Defined {
		if baseline != nil {
			add(2, 2, changeFinding(p, r, baseline))
		}
		add(3, 3, areaFinding(p, r))
		add(4, 4, coverageFinding(p, r))
	}
	// Not knowing is a finding even before anything is scored.
	add(5, 5, unknownFinding(p, r))
	if r.Total.Defined {
		add(6, 6, stepFinding(p, r))
		add(7, 7, tierFinding(p, r))
		add(8, 8, gapFinding(p, r))
	}
	slices.SortStableFunc(fs, func(a, b finding) int { return a.rank - b.rank })
	fs = fs[:min(len(fs), maxFindings)]
	slices.SortStableFunc(fs, func(a, b finding) int { return a.order - b.order })
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.text
	}
	return out
}

// sentences joins the sentences of a finding that are not empty.
func sentences(ss ...string) string {
	return strings.Join(slices.DeleteFunc(ss, func(s string) bool { return s == "" }), " ")
}

func totalFinding(p *lang.Printer, r *assessment.Result) string {
	name := r.Answers.Municipality.Name
	if !r.Total.Defined {
		return p.T("finding-total-none", "Name", name)
	}
	q := r.Questionnaire
	total := p.T("finding-total", "Name", name, "Score", scores.FormatScore(r.Total), "Level", r.Level.Level.Name,
		"Rank", r.Level.Rank, "Of", len(q.Levels))
	near := ""
	if r.Level.Rank < len(q.Levels) {
		next := q.Levels[r.Level.Rank]
		if gap := *next.Min - r.Total.Value; gap <= nearNextLevel {
			near = p.T("finding-total-near", "Gap", scores.FormatScore(assessment.Some(gap)), "Next", next.Name)
		}
	}
	return sentences(total, sentence(r.Level.Level.Description.Localize(p)), near)
}

func changeFinding(p *lang.Printer, r, base *assessment.Result) string {
	if !base.Total.Defined {
		return ""
	}
	when := p.T("finding-previous")
	if base.Answers.Date.IsSet() {
		when = p.T("finding-previous-dated", "Date", scores.DateText(p, base.Answers.Date.Time))
	}
	var total string
	d := r.Total.Value - base.Total.Value
	switch {
	case math.Abs(d) < sameScore:
		total = p.T("finding-change-none", "When", when)
	case d > 0:
		total = p.T("finding-change-up", "When", when, "Delta", scores.FormatScore(assessment.Some(d)),
			"From", scores.FormatScore(base.Total), "To", scores.FormatScore(r.Total))
	default:
		total = p.T("finding-change-down", "When", when, "Delta", scores.FormatScore(assessment.Some(-d)),
			"From", scores.FormatScore(base.Total), "To", scores.FormatScore(r.Total))
	}
	var up, down *areaChange
	for _, c := range areaChanges(p, r, base) {
		if c.delta >= sameScore && (up == nil || c.delta > up.delta) {
			up = &c
		}
		if c.delta <= -sameScore && (down == nil || c.delta < down.delta) {
			down = &c
		}
	}
	var areas, level, thin string
	switch {
	case up != nil && down != nil:
		areas = p.T("finding-change-up-down", "Up", up.name, "UpDelta", formatDelta(up.delta), "Down", down.name, "DownDelta", formatDelta(down.delta))
	case up != nil:
		areas = p.T("finding-change-up-only", "Area", up.name, "Delta", formatDelta(up.delta))
	case down != nil:
		areas = p.T("finding-change-down-only", "Area", down.name, "Delta", formatDelta(down.delta))
	}
	if base.Level != nil && r.Level.Rank != base.Level.Rank {
		level = p.T("finding-change-level", "Org", capitalize(r.Questionnaire.WordsIn(p).Org),
			"From", base.Level.Level.Name, "To", r.Level.Level.Name)
	}
	if base.Coverage.Defined && base.Coverage.Value < lowCoverage {
		thin = p.T("finding-change-thin-baseline", "Share", scores.FormatShare(base.Coverage))
	}
	return sentences(total, areas, level, thin)
}

// areaChange is an area's score change since the baseline.
type areaChange struct {
	name  string
	delta float64
}

// areaChanges pairs areas by id, so that a baseline answered to another
// version of the questionnaire still lines up.
func areaChanges(p *lang.Printer, r, base *assessment.Result) []areaChange {
	var out []areaChange
	for _, ar := range r.Areas {
		if b, ok := baselineArea(base, ar.Area.ID); ok && ar.Score.Defined && b.Score.Defined {
			out = append(out, areaChange{ar.Area.Name.Localize(p), ar.Score.Value - b.Score.Value})
		}
	}
	return out
}

func baselineArea(base *assessment.Result, id string) (assessment.AreaResult, bool) {
	if base == nil {
		return assessment.AreaResult{}, false
	}
	for _, b := range base.Areas {
		if b.Area.ID == id {
			return b, true
		}
	}
	return assessment.AreaResult{}, false
}

// quoted is a name in quotation marks, «Matsystemet».
func quoted(name string) string { return "«" + name + "»" }

func areaFinding(p *lang.Printer, r *assessment.Result) string {
	var defined []assessment.AreaResult
	for _, ar := range r.Areas {
		if ar.Score.Defined {
			defined = append(defined, ar)
		}
	}
	if len(defined) < 2 {
		return ""
	}
	hi, lo := defined[0].Score.Value, defined[0].Score.Value
	for _, ar := range defined {
		hi, lo = math.Max(hi, ar.Score.Value), math.Min(lo, ar.Score.Value)
	}
	if hi-lo < sameScore {
		return p.T("finding-areas-even", "Score", scores.FormatScore(assessment.Some(hi)))
	}
	named := func(v float64) string {
		var names []string
		for _, ar := range defined {
			if math.Abs(ar.Score.Value-v) < sameScore {
				names = append(names, quoted(ar.Area.Name.Localize(p)))
			}
		}
		return fmt.Sprintf("%s (%s)", scores.JoinAnd(p, names), scores.FormatScore(assessment.Some(v)))
	}
	return p.T("finding-areas", "Org", capitalize(r.Questionnaire.WordsIn(p).Org), "High", named(hi), "Low", named(lo))
}

func coverageFinding(p *lang.Printer, r *assessment.Result) string {
	var empty, thin []string
	for _, ar := range r.Areas {
		switch {
		case !ar.Coverage.Defined:
		case ar.Coverage.Value == 0:
			empty = append(empty, quoted(ar.Area.Name.Localize(p)))
		case ar.Coverage.Value < lowAreaCoverage:
			thin = append(thin, fmt.Sprintf("%s (%s)", quoted(ar.Area.Name.Localize(p)), scores.FormatShare(ar.Coverage)))
		}
	}
	var parts []string
	if r.Coverage.Defined && r.Coverage.Value < lowCoverage {
		parts = append(parts, p.T("finding-coverage-low", "Share", scores.FormatShare(r.Coverage)))
	}
	if len(empty) > 0 {
		parts = append(parts, p.T("finding-coverage-empty", "Count", len(empty), "Areas", scores.JoinAnd(p, empty)))
	}
	if len(thin) > 0 {
		parts = append(parts, p.T("finding-coverage-thin", "Areas", scores.JoinAnd(p, thin)))
	}
	if len(parts) > 0 {
		parts = append(parts, p.T("finding-coverage-advice"))
	}
	return sentences(parts...)
}

// otherAreas counts the areas not named: «fire andre områder».
func otherAreas(p *lang.Printer, n int) string {
	return p.T("finding-other-areas", "Count", n, "Words", scores.CountWord(p, n))
}

// unknownFinding counts the «vet ikke» answers and names the areas with
// the most of them: someone in the organisation knows, and the scores
// are the poorer until they are asked.
func unknownFinding(p *lang.Printer, r *assessment.Result) string {
	if len(r.Unknown) == 0 {
		return ""
	}
	areas := unknownByArea(p, r)
	var names []string
	for _, a := range areas[:min(3, len(areas))] {
		if areas[0].n > 1 {
			names = append(names, fmt.Sprintf("%s (%d)", quoted(a.name), a.n))
		} else {
			names = append(names, quoted(a.name))
		}
	}
	if more := len(areas) - len(names); more > 0 {
		names = append(names, otherAreas(p, more))
	}
	list := scores.JoinAnd(p, names)
	where := p.T("finding-unknown-in", "Areas", list)
	switch {
	case len(areas) == 1 && len(r.Unknown) > 1:
		where = p.T("finding-unknown-all-in", "Areas", list)
	case areas[0].n > 1 && len(areas) > 1:
		where = p.T("finding-unknown-most-in", "Areas", list)
	}
	n := len(r.Unknown)
	return p.T("finding-unknown", "Count", n, "Words", capitalize(scores.CountWord(p, n)), "Where", where,
		"Org", r.Questionnaire.WordsIn(p).Org)
}

// areaCount is how many questions of an area something applies to.
type areaCount struct {
	name string
	n    int
}

// unknownByArea counts the «vet ikke» answers by area, most first, then
// in questionnaire order.
func unknownByArea(p *lang.Printer, r *assessment.Result) []areaCount {
	var out []areaCount
	at := map[string]int{}
	for _, qu := range r.Unknown {
		_, a, ok := r.Questionnaire.Question(qu.ID)
		if !ok {
			continue
		}
		if i, ok := at[a.ID]; ok {
			out[i].n++
			continue
		}
		at[a.ID] = len(out)
		out = append(out, areaCount{a.Name.Localize(p), 1})
	}
	slices.SortStableFunc(out, func(a, b areaCount) int { return b.n - a.n })
	return out
}

func stepFinding(p *lang.Printer, r *assessment.Result) string {
	q := r.Questionnaire
	weak, strong := -1, -1
	for i, s := range r.Steps {
		if !s.Score.Defined {
			continue
		}
		if weak < 0 || s.Score.Value < r.Steps[weak].Score.Value {
			weak = i
		}
		if strong < 0 || s.Score.Value > r.Steps[strong].Score.Value {
			strong = i
		}
	}
	if weak < 0 || r.Steps[strong].Score.Value-r.Steps[weak].Score.Value < stepSpread {
		return ""
	}
	// In how many areas is this step the weakest (or shares the bottom)?
	n, of := 0, 0
	for _, ar := range r.Areas {
		lowest, ok := math.Inf(1), false
		for _, c := range ar.Steps {
			if c.Score.Defined {
				lowest, ok = math.Min(lowest, c.Score.Value), true
			}
		}
		if !ok {
			continue
		}
		of++
		if c := ar.Steps[weak].Score; c.Defined && c.Value-lowest < sameScore {
			n++
		}
	}
	step := q.Steps[weak]
	steps, score := scores.CountWord(p, len(q.Steps)), scores.FormatScore(r.Steps[weak].Score)
	if n > 1 {
		return p.T("finding-step-most", "Steps", steps, "ID", step.ID, "Name", step.Name, "Score", score, "N", n, "Of", of)
	}
	return p.T("finding-step", "Steps", steps, "ID", step.ID, "Name", step.Name, "Score", score)
}

func tierFinding(p *lang.Printer, r *assessment.Result) string {
	q := r.Questionnaire
	if len(q.Tiers) < 2 {
		return ""
	}
	first, last := 0, len(q.Tiers)-1
	best, count := -1, 0
	var bestGap float64
	for i, ar := range r.Areas {
		a, z := ar.Tiers[first].Score, ar.Tiers[last].Score
		if !a.Defined || !z.Defined || a.Value-z.Value < tierContrast {
			continue
		}
		count++
		if best < 0 || a.Value-z.Value > bestGap {
			best, bestGap = i, a.Value-z.Value
		}
	}
	tf, tl := q.Tiers[first], q.Tiers[last]
	if best >= 0 {
		ar := r.Areas[best]
		contrast := p.T("finding-tier-contrast", "Area", ar.Area.Name, "First", tf.ID, "FirstScore", scores.FormatScore(ar.Tiers[first].Score),
			"Last", tl.ID, "LastName", tl.Name, "LastScore", scores.FormatScore(ar.Tiers[last].Score))
		pattern := ""
		if count > 1 {
			pattern = p.T("finding-tier-pattern", "Others", otherAreas(p, count-1), "Org", q.WordsIn(p).Org)
		}
		return sentences(contrast, pattern)
	}
	weak := -1
	for i, t := range r.Tiers {
		if t.Score.Defined && (weak < 0 || t.Score.Value < r.Tiers[weak].Score.Value) {
			weak = i
		}
	}
	if weak < 0 {
		return ""
	}
	spread := 0.0
	for _, t := range r.Tiers {
		if t.Score.Defined {
			spread = math.Max(spread, t.Score.Value-r.Tiers[weak].Score.Value)
		}
	}
	if spread < stepSpread {
		return ""
	}
	t := q.Tiers[weak]
	return p.T("finding-tier-lowest", "ID", t.ID, "Name", t.Name, "Score", scores.FormatScore(r.Tiers[weak].Score))
}

func gapFinding(p *lang.Printer, r *assessment.Result) string {
	answered := 0
	for _, qr := range r.Questions {
		if qr.Scored && qr.Status == assessment.Answered {
			answered++
		}
	}
	if answered == 0 {
		return ""
	}
	if len(r.Gaps) == 0 {
		return p.T("finding-gaps-none")
	}
	sheets := reportSheetNames(p)
	return p.T("finding-gaps", "Gaps", capitalize(scores.CountWord(p, len(r.Gaps))), "Answered", answered,
		"Actions", sheets.actions, "Plans", sheets.plans, "Calendar", sheets.calendar)
}

// formatDelta shows a change in points with its sign: +2,5 or −1,0.
func formatDelta(d float64) string {
	s := scores.FormatScore(assessment.Some(math.Abs(d)))
	if d < 0 {
		return "−" + s
	}
	return "+" + s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// sentence ends a text with a full stop if it has no final punctuation.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}
