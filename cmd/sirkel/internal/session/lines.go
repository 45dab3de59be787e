package session

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// Accessible mode asks in plain lines, for screen readers and piped
// input: the question, then its help, the options numbered from 1 (a scale
// is answered with its own values), what to type, and one line typed.
// Every answer is read by assessment.ParseValue, as a file's would be; the
// keys below only spell what it reads.
const (
	keyDontKnow = "v"  // vet ikke / veit ikkje
	keyNA       = "n"  // ikke relevant, except on yes/no questions
	keyNAYesNo  = "na" // ikke relevant on yes/no questions, where n is «nei»
	keyYes      = "j"
	keyNo       = "n"
)

// lines are what accessible mode says before the prompt of a question:
// where it stands, the question, its help, the options and the answer in
// the file.
func (f *questionForm) lines() []string {
	p, q, qu := f.p, f.q, f.item.Question
	out := []string{"", progressText(p, f.item)}
	if st := stepTierText(p, q, qu); st != "" {
		out = append(out, st)
	}
	out = append(out, questionText(p, qu))
	if help := strings.TrimSpace(qu.Help.Localize(p)); help != "" {
		out = append(out, help)
	}
	switch qu.EffectiveType() {
	case assessment.TypeScale:
		// The value itself is typed: the list shows it first.
		for _, pt := range q.Scale {
			out = append(out, "  "+formatValue(*pt.Value)+": "+joinNonEmpty(" – ", pt.Label.Localize(p), strings.TrimSpace(pt.Description.Localize(p))))
		}
	case assessment.TypeChoice, assessment.TypeMulti:
		for i, o := range qu.Options {
			out = append(out, "  "+strconv.Itoa(i+1)+": "+o.Label.Localize(p))
		}
	}
	if f.has() {
		out = append(out, p.T("assess-line-current", "Answer", assessment.LabelIn(p, q, qu, f.prevVal)))
	}
	return out
}

// formatValue is a scale value as it is typed: 2, or 2,5.
func formatValue(v float64) string { return assessment.DecimalComma(v) }

// prompt says what to type: «Skriv 0–4, v for vet ikke, n for ikke
// relevant, tom linje for å hoppe over:».
func (f *questionForm) prompt() string {
	p, q, qu := f.p, f.q, f.item.Question
	var parts []string
	t := qu.EffectiveType()
	switch t {
	case assessment.TypeScale:
		vals := make([]float64, len(q.Scale))
		for i, pt := range q.Scale {
			vals[i] = *pt.Value
		}
		parts = append(parts, p.T("assess-prompt-values", "Values", valuesText(p, vals)))
	case assessment.TypeChoice:
		parts = append(parts, p.T("assess-prompt-values", "Values", "1–"+strconv.Itoa(len(qu.Options))))
	case assessment.TypeMulti:
		parts = append(parts, p.T("assess-prompt-multi"))
	case assessment.TypeYesNo:
		parts = append(parts, p.T("assess-prompt-yesno"))
	case assessment.TypeNumber:
		parts = append(parts, p.T("assess-prompt-number", "Range", numberRange(qu), "Unit", unitText(qu.Unit)))
	case assessment.TypeText:
		parts = append(parts, p.T("assess-prompt-text"))
	}
	if t != assessment.TypeText {
		parts = append(parts, p.T("assess-prompt-dont-know"))
		if qu.NAAllowed() {
			key := keyNA
			if t == assessment.TypeYesNo {
				key = keyNAYesNo
			}
			parts = append(parts, p.T("assess-prompt-na", "Key", key))
		}
	}
	if f.has() {
		parts = append(parts, p.T("assess-prompt-empty-keeps"))
	} else {
		parts = append(parts, p.T("assess-prompt-empty-skips"))
	}
	return strings.Join(parts, ", ") + ":"
}

// valuesText is a scale's values as they are typed: «0–4» when they are
// whole numbers one apart, else each of them («0, 0,5 eller 1»).
func valuesText(p *lang.Printer, vals []float64) string {
	run := len(vals) > 1
	for i, v := range vals {
		run = run && v == float64(int(v)) && (i == 0 || v == vals[i-1]+1)
	}
	if run {
		return formatValue(vals[0]) + "–" + formatValue(vals[len(vals)-1])
	}
	s := make([]string, len(vals))
	for i, v := range vals {
		s[i] = formatValue(v)
	}
	return p.T("assess-or", "List", strings.Join(s[:len(s)-1], ", "), "Last", s[len(s)-1])
}

// numberRange is « fra 0 til 100» for a number question with limits.
func numberRange(qu *assessment.Question) lang.Msg {
	switch {
	case qu.Min != nil && qu.Max != nil:
		return lang.M("assess-range-between", "Min", assessment.DecimalComma(*qu.Min), "Max", assessment.DecimalComma(*qu.Max))
	case qu.Min != nil:
		return lang.M("assess-range-min", "Min", assessment.DecimalComma(*qu.Min))
	case qu.Max != nil:
		return lang.M("assess-range-max", "Max", assessment.DecimalComma(*qu.Max))
	}
	return lang.Msg{}
}

// unitText is « (prosent)» after a number, nothing without a unit.
func unitText(unit string) lang.Msg {
	if unit == "" {
		return lang.Msg{}
	}
	return lang.M("assess-unit", "Unit", unit)
}

var reNumberList = regexp.MustCompile(`^[0-9]+([ ,;]+[0-9]+)*$`)

// read takes the line typed for the question: the keys, list numbers and
// scale values, or the answer spelled out as in a file («Etablert», «12,5»,
// «vet ikke»). An empty line skips, or keeps the answer in the file. What
// ParseValue refuses is refused with its message.
func (f *questionForm) read(line string) error {
	qu := f.item.Question
	s := strings.TrimSpace(line)
	raw := assessment.Raw{Text: s}
	t := qu.EffectiveType()
	key := strings.ToLower(s)
	switch {
	case s == "" || t == assessment.TypeText:
	case key == keyDontKnow:
		raw.Text = assessment.DontKnowText
	case t == assessment.TypeYesNo && key == keyYes:
		raw.Text = "ja"
	case t == assessment.TypeYesNo && key == keyNo:
		raw.Text = "nei"
	case key == keyNA || t == assessment.TypeYesNo && key == keyNAYesNo:
		raw.Text = assessment.NAText
	case (t == assessment.TypeChoice || t == assessment.TypeMulti) && reNumberList.MatchString(s):
		var err error
		if raw, err = f.numbered(s); err != nil {
			return err
		}
	}
	if _, msg := assessment.ParseValueMsg(f.q, qu, raw); msg.ID != "" {
		return lang.NewError(msg)
	}
	f.typed = &raw
	return nil
}

// numbered reads option numbers from 1, several for a multi question
// («1, 3» or «1 3»); 0 alone is none of them.
func (f *questionForm) numbered(s string) (assessment.Raw, error) {
	qu := f.item.Question
	multi := qu.EffectiveType() == assessment.TypeMulti
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' })
	if len(fields) > 1 && !multi {
		return assessment.Raw{}, lang.NewError(lang.M("assess-line-one-number", "Max", len(qu.Options)))
	}
	ids := []string{}
	for _, fl := range fields {
		n, _ := strconv.Atoi(fl)
		switch {
		case n == 0 && multi && len(fields) == 1:
			return assessment.Raw{IsList: true, List: ids}, nil
		case n == 0 && multi:
			return assessment.Raw{}, lang.NewError(lang.M("assess-line-zero-alone"))
		case n < 1 || n > len(qu.Options):
			return assessment.Raw{}, lang.NewError(lang.M("assess-line-no-option", "Number", n, "Max", len(qu.Options)))
		}
		if id := qu.Options[n-1].ID; !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if !multi {
		return assessment.Raw{Text: ids[0]}, nil
	}
	return assessment.Raw{IsList: true, List: ids}, nil
}

// askLines asks one question in accessible mode: the answer, saved as
// soon as it is given, then the comment and, when the question was
// answered, the evidence, each saved in its turn. An empty comment or
// evidence line keeps what the file has.
func (ss *sitting) askLines(f *questionForm) error {
	qu := f.item.Question
	pr := ss.p
	pr.say(f.lines()...)
	if err := pr.ask(f.prompt(), f.read); err != nil {
		return err
	}
	ans := f.answer()
	saved, err := ss.give(qu, ans)
	if err != nil {
		return err
	}
	ss.report(qu, ans, saved)
	// What was saved may carry another sitting's words: comment on those.
	if cur, ok := ss.a.Answers.Get(qu.ID); ok {
		f.commentText = cur.Comment
	}
	// A line typed before the input ended is kept.
	s, err := pr.line(ss.lp.T("assess-line-comment"))
	if err == nil {
		if s = strings.TrimSpace(s); s != "" {
			f.commentText = s
		}
		if f.answer().Answered() {
			s, err = pr.line(ss.lp.T("assess-line-evidence"))
			if s = strings.TrimSpace(s); err == nil && s != "" {
				f.evidenceText = s
			}
		}
	}
	if _, gerr := ss.give(qu, f.answer()); gerr != nil {
		return gerr
	}
	return err
}
