package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sirkel/sirkel/assessment"
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

// KeyFindings are the summary's plain-language findings, generated from
// the scores: where the municipality stands, its strongest and weakest
// areas, what has changed since the baseline (may be nil), how certain
// the scores are, what it answered «vet ikke» to, the step and tier that
// lag, and where the actions are. There are at most six, in reading
// order; they speak of the respondent in the questionnaire's words
// (kommunen, fylkeskommunen).
func KeyFindings(r, baseline *assessment.Result) []string {
	var fs []finding
	add := func(order, rank int, text string) {
		if text != "" {
			fs = append(fs, finding{order, rank, text})
		}
	}
	add(1, 1, totalFinding(r))
	if r.Total.Defined {
		if baseline != nil {
			add(2, 2, changeFinding(r, baseline))
		}
		add(3, 3, areaFinding(r))
		add(4, 4, coverageFinding(r))
	}
	// Not knowing is a finding even before anything is scored.
	add(5, 5, unknownFinding(r))
	if r.Total.Defined {
		add(6, 6, stepFinding(r))
		add(7, 7, tierFinding(r))
		add(8, 8, gapFinding(r))
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

func totalFinding(r *assessment.Result) string {
	name := r.Answers.Municipality.Name
	if !r.Total.Defined {
		return fmt.Sprintf("%s har ikke besvart noen av spørsmålene som gir skår ennå, så det finnes ingen skår.", name)
	}
	q := r.Questionnaire
	var b strings.Builder
	fmt.Fprintf(&b, "%s får %s av 100 poeng samlet og er på modenhetsnivået «%s» (nivå %d av %d).",
		name, scores.FormatScore(r.Total), r.Level.Name(), r.Level.Rank, len(q.Levels))
	if d := r.Level.Level.Description.String(); d != "" {
		b.WriteString(" " + sentence(d))
	}
	if r.Level.Rank < len(q.Levels) {
		next := q.Levels[r.Level.Rank]
		if gap := *next.Min - r.Total.Value; gap <= nearNextLevel {
			fmt.Fprintf(&b, " Det mangler bare %s poeng til neste nivå, «%s».", scores.FormatScore(assessment.Some(gap)), next.Name)
		}
	}
	return b.String()
}

func changeFinding(r, base *assessment.Result) string {
	if !base.Total.Defined {
		return ""
	}
	var b strings.Builder
	when := "forrige vurdering"
	if base.Answers.Date.IsSet() {
		when += " (" + norDate(base.Answers.Date.Time) + ")"
	}
	d := r.Total.Value - base.Total.Value
	switch {
	case math.Abs(d) < sameScore:
		fmt.Fprintf(&b, "Samlet skår er uendret siden %s.", when)
	case d > 0:
		fmt.Fprintf(&b, "Siden %s har samlet skår økt med %s poeng, fra %s til %s.", when,
			scores.FormatScore(assessment.Some(d)), scores.FormatScore(base.Total), scores.FormatScore(r.Total))
	default:
		fmt.Fprintf(&b, "Siden %s har samlet skår gått ned med %s poeng, fra %s til %s.", when,
			scores.FormatScore(assessment.Some(-d)), scores.FormatScore(base.Total), scores.FormatScore(r.Total))
	}
	var up, down *areaChange
	for _, c := range areaChanges(r, base) {
		if c.delta >= sameScore && (up == nil || c.delta > up.delta) {
			up = &c
		}
		if c.delta <= -sameScore && (down == nil || c.delta < down.delta) {
			down = &c
		}
	}
	switch {
	case up != nil && down != nil:
		fmt.Fprintf(&b, " Størst fremgang er det i «%s» (%s), mens «%s» har gått tilbake (%s).",
			up.name, formatDelta(up.delta), down.name, formatDelta(down.delta))
	case up != nil:
		fmt.Fprintf(&b, " Størst fremgang er det i «%s» (%s).", up.name, formatDelta(up.delta))
	case down != nil:
		fmt.Fprintf(&b, " Størst tilbakegang er det i «%s» (%s).", down.name, formatDelta(down.delta))
	}
	if base.Level != nil && r.Level.Rank != base.Level.Rank {
		fmt.Fprintf(&b, " %s har dermed gått fra nivået «%s» til «%s».", capitalize(r.Questionnaire.Words().Org), base.Level.Name(), r.Level.Name())
	}
	if base.Coverage.Defined && base.Coverage.Value < lowCoverage {
		fmt.Fprintf(&b, " Forrige vurdering dekket bare %s av spørsmålene, så endringen er usikker.", scores.FormatShare(base.Coverage))
	}
	return b.String()
}

// areaChange is an area's score change since the baseline.
type areaChange struct {
	name  string
	delta float64
}

// areaChanges pairs areas by id, so that a baseline answered to another
// version of the questionnaire still lines up.
func areaChanges(r, base *assessment.Result) []areaChange {
	var out []areaChange
	for _, ar := range r.Areas {
		if b, ok := baselineArea(base, ar.Area.ID); ok && ar.Score.Defined && b.Score.Defined {
			out = append(out, areaChange{ar.Area.Name.String(), ar.Score.Value - b.Score.Value})
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

func areaFinding(r *assessment.Result) string {
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
		return fmt.Sprintf("Alle områdene med svar ligger likt, på %s.", scores.FormatScore(assessment.Some(hi)))
	}
	named := func(v float64) string {
		var names []string
		for _, ar := range defined {
			if math.Abs(ar.Score.Value-v) < sameScore {
				names = append(names, "«"+ar.Area.Name.String()+"»")
			}
		}
		return fmt.Sprintf("%s (%s)", joinNO(names), scores.FormatScore(assessment.Some(v)))
	}
	return fmt.Sprintf("%s har kommet lengst i %s og kortest i %s.", capitalize(r.Questionnaire.Words().Org), named(hi), named(lo))
}

func coverageFinding(r *assessment.Result) string {
	var empty, thin []string
	for _, ar := range r.Areas {
		switch {
		case !ar.Coverage.Defined:
		case ar.Coverage.Value == 0:
			empty = append(empty, "«"+ar.Area.Name.String()+"»")
		case ar.Coverage.Value < lowAreaCoverage:
			thin = append(thin, fmt.Sprintf("«%s» (%s)", ar.Area.Name, scores.FormatShare(ar.Coverage)))
		}
	}
	var b strings.Builder
	if r.Coverage.Defined && r.Coverage.Value < lowCoverage {
		fmt.Fprintf(&b, "Bare %s av spørsmålene er besvart, så skårene er usikre.", scores.FormatShare(r.Coverage))
	}
	if len(empty) > 0 {
		fmt.Fprintf(&b, " Ingen spørsmål er besvart i %s, så %s ingen skår.", joinNO(empty), plural(len(empty), "området har", "disse områdene har"))
	}
	if len(thin) > 0 {
		fmt.Fprintf(&b, " Dekningen er lav i %s.", joinNO(thin))
	}
	if b.Len() > 0 {
		fmt.Fprint(&b, " Besvar de resterende spørsmålene før rapporten legges fram.")
	}
	return strings.TrimSpace(b.String())
}

// unknownFinding counts the «vet ikke» answers and names the areas with
// the most of them: someone in the organisation knows, and the scores
// are the poorer until they are asked.
func unknownFinding(r *assessment.Result) string {
	if len(r.Unknown) == 0 {
		return ""
	}
	areas := unknownByArea(r)
	var names []string
	for _, a := range areas[:min(3, len(areas))] {
		if areas[0].n > 1 {
			names = append(names, fmt.Sprintf("«%s» (%d)", a.name, a.n))
		} else {
			names = append(names, "«"+a.name+"»")
		}
	}
	if more := len(areas) - len(names); more > 0 {
		names = append(names, fmt.Sprintf("%s %s", countWord(more), plural(more, "annet område", "andre områder")))
	}
	where := "i " + joinNO(names)
	switch {
	case len(areas) == 1 && len(r.Unknown) > 1:
		where = "alle " + where
	case areas[0].n > 1 && len(areas) > 1:
		where = "flest " + where
	}
	n := len(r.Unknown)
	return fmt.Sprintf("%s ble besvart med «vet ikke», %s. Finn ut hvem i %s som vet svaret, og oppdater svarfilen: %s",
		capitalize(plural(n, "ett spørsmål", countWord(n)+" spørsmål")), where, r.Questionnaire.Words().Org,
		plural(n, "svaret teller ikke i skåren før det er kjent.", "svarene teller ikke i skåren før de er kjent."))
}

// areaCount is how many questions of an area something applies to.
type areaCount struct {
	name string
	n    int
}

// unknownByArea counts the «vet ikke» answers by area, most first, then
// in questionnaire order.
func unknownByArea(r *assessment.Result) []areaCount {
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
		out = append(out, areaCount{a.Name.String(), 1})
	}
	slices.SortStableFunc(out, func(a, b areaCount) int { return b.n - a.n })
	return out
}

func stepFinding(r *assessment.Result) string {
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
	text := fmt.Sprintf("Av de %s styringstrinnene henger trinn %d, «%s», mest etter, med %s i snitt for alle områdene.",
		countWord(len(q.Steps)), step.ID, step.Name, scores.FormatScore(r.Steps[weak].Score))
	if n > 1 {
		text = strings.TrimSuffix(text, ".") + fmt.Sprintf("; det er det svakeste trinnet i %d av %d områder.", n, of)
	}
	return text
}

func tierFinding(r *assessment.Result) string {
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
		text := fmt.Sprintf("I «%s» er tiltakene på nivå %s godt i gang (%s), mens nivå %s, «%s», ligger langt etter (%s).",
			ar.Area.Name, tf.ID, scores.FormatScore(ar.Tiers[first].Score), tl.ID, tl.Name, scores.FormatScore(ar.Tiers[last].Score))
		if count > 1 {
			text += fmt.Sprintf(" Det samme mønsteret finnes i %s %s: %s effektiviserer innenfor dagens strukturer, men har kommet kortere med omstillingen.",
				countWord(count-1), plural(count-1, "annet område", "andre områder"), q.Words().Org)
		}
		return text
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
	return fmt.Sprintf("Av tiltaksnivåene ligger nivå %s, «%s», lavest, med %s i snitt.", t.ID, t.Name, scores.FormatScore(r.Tiers[weak].Score))
}

func gapFinding(r *assessment.Result) string {
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
		return "Alle svarene når målet; det er ingen gap å lukke."
	}
	return fmt.Sprintf("%s av %d svar ligger under målet. Tiltakene står etter prioritet i arket «Tiltak»; arket «Planverk» viser hvilket plandokument hvert av dem hører hjemme i, og «Årshjul» når planene vedtas neste gang.",
		capitalize(countWord(len(r.Gaps))), answered)
}

// formatDelta shows a change in points with its sign: +2,5 or −1,0.
func formatDelta(d float64) string {
	s := scores.FormatScore(assessment.Some(math.Abs(d)))
	if d < 0 {
		return "−" + s
	}
	return "+" + s
}

// joinNO joins items the Norwegian way: «a», «a og b», «a, b og c».
func joinNO(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " og " + items[len(items)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// countWord writes small counts in words, as Norwegian prose does.
func countWord(n int) string {
	words := [...]string{"null", "ett", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return fmt.Sprint(n)
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
