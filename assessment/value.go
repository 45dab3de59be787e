package assessment

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sirkel/sirkel/assessment/lang"
)

// ValueKind says what an interpreted answer holds.
type ValueKind uint8

const (
	// ValueNone is a skipped question: written with no value.
	ValueNone ValueKind = iota
	// ValueNA is «na», «ikke relevant».
	ValueNA
	// ValueDontKnow is «vet ikke»: nobody knew. It is not scored, lowers
	// coverage and is listed apart, because not knowing is a finding.
	ValueDontKnow
	// ValueGiven is a value for the question's type.
	ValueGiven
)

// Value is an answer interpreted for its question. It is the same whatever
// input it came from (a YAML file, an answer sheet, the interactive form),
// because all of them go through ParseValue.
type Value struct {
	Kind    ValueKind
	Number  float64  // scale value or number; 1 for ja and 0 for nei
	Options []string // choice (one id) and multi (ids in the order given)
	Text    string   // text questions
}

// Raw is an answer as an input holds it, before it is read for a question:
// one text, or a list of texts (a YAML list).
type Raw struct {
	Text   string
	List   []string
	IsList bool
}

// Spellings accepted for the special answers, in every input.
const (
	// NAText is the canonical «ikke relevant» in files.
	NAText = "na"
	// NALabel is how people may type it, and see it in bokmål (the
	// catalogues' value-na; LabelIn shows it in the output's language).
	NALabel = "Ikke relevant"
	// DontKnowText is the canonical «vet ikke» in files.
	DontKnowText = "vet-ikke"
	// DontKnowLabel is how people may type it, and see it in bokmål (the
	// catalogues' value-dont-know).
	DontKnowLabel = "Vet ikke"
	// ListSep separates several options written in one text.
	ListSep = ";"
)

// fold normalizes a typed text for comparison with labels and keywords.
func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// The special answers as people may type them, folded: the file spelling
// and the label in bokmål and nynorsk (the labels Label shows, «Ikkje
// relevant», «Veit ikkje», read back the same).
var (
	naSpellings       = []string{NAText, fold(NALabel), "ikkje relevant"}
	dontKnowSpellings = []string{DontKnowText, fold(DontKnowLabel), "veit-ikkje", "veit ikkje"}
)

func isNAText(s string) bool { return oneOf(fold(s), naSpellings) }

func isDontKnowText(s string) bool { return oneOf(fold(s), dontKnowSpellings) }

func oneOf(s string, list []string) bool {
	for _, l := range list {
		if s == l {
			return true
		}
	}
	return false
}

// ParseValue reads raw for question qu of q. The rules are the same for
// every input, so that an answer means the same in a file, a sheet and a
// prompt:
//
//   - empty text: no value (the question counts as unanswered);
//   - «na» or «ikke relevant»: not applicable, where the question allows it;
//   - «vet-ikke» or «vet ikke» (nynorsk «veit ikkje»): don't know, on any
//     scored question;
//   - scale: a scale value (2) or its label (Påbegynt);
//   - yesno: ja/nei, true/false, yes/no;
//   - choice: an option id or its label;
//   - multi: a list of ids or labels, or one text with them separated by «;»;
//   - number: decimal point or comma, spaces between thousands, within the
//     question's min and max;
//   - text: any text.
//
// Case and repeated spaces are ignored in keywords and labels. On failure
// it returns a message in bokmål saying what is wrong and what is valid;
// ParseValueMsg gives the message from the catalogues.
func ParseValue(q *Questionnaire, qu *Question, raw Raw) (Value, string) {
	v, msg := ParseValueMsg(q, qu, raw)
	return v, msg.String()
}

// ParseValueMsg is ParseValue with the message not yet rendered: the zero
// Msg when the answer is valid.
func ParseValueMsg(q *Questionnaire, qu *Question, raw Raw) (Value, lang.Msg) {
	t := qu.EffectiveType()
	if !raw.IsList {
		s := strings.TrimSpace(raw.Text)
		switch {
		case s == "":
			return Value{}, lang.Msg{}
		case t != TypeText && isNAText(s):
			if !qu.allowNA {
				return Value{}, lang.M("answer-na-not-allowed")
			}
			return Value{Kind: ValueNA}, lang.Msg{}
		case t != TypeText && isDontKnowText(s):
			return Value{Kind: ValueDontKnow}, lang.Msg{}
		}
	} else if t != TypeMulti {
		return Value{}, lang.M("answer-list-not-allowed", "Accepts", expected(q, qu))
	}
	s := strings.TrimSpace(raw.Text)
	switch t {
	case TypeScale:
		if v, ok := ScaleValue(q, s); ok {
			return Value{Kind: ValueGiven, Number: v}, lang.Msg{}
		}
		return Value{}, lang.M("answer-not-on-scale", "Value", quoteVal(s), "Accepts", expected(q, qu))
	case TypeYesNo:
		if b, ok := parseYesNo(s); ok {
			return Value{Kind: ValueGiven, Number: b}, lang.Msg{}
		}
		return Value{}, lang.M("answer-not-yesno", "Value", quoteVal(s), "Accepts", expected(q, qu))
	case TypeChoice:
		if id, ok := optionByText(qu, s); ok {
			return Value{Kind: ValueGiven, Options: []string{id}}, lang.Msg{}
		}
		return Value{}, lang.M("answer-unknown-option", "Value", quoteVal(s), "Accepts", expected(q, qu), "Meant", didYouMean(s, qu))
	case TypeMulti:
		items := raw.List
		if !raw.IsList {
			items = strings.Split(s, ListSep)
		}
		ids := make([]string, 0, len(items))
		seen := make(map[string]bool, len(items))
		for _, it := range items {
			it = strings.TrimSpace(it)
			if it == "" && !raw.IsList {
				continue
			}
			id, ok := optionByText(qu, it)
			if !ok {
				return Value{}, lang.M("answer-unknown-option", "Value", quoteVal(it), "Accepts", expected(q, qu), "Meant", didYouMean(it, qu))
			}
			if seen[id] {
				return Value{}, lang.M("answer-option-twice", "Option", id)
			}
			seen[id] = true
			ids = append(ids, id)
		}
		return Value{Kind: ValueGiven, Options: ids}, lang.Msg{}
	case TypeNumber:
		v, ok := ParseNumber(s)
		if !ok {
			return Value{}, lang.M("answer-not-a-number", "Value", quoteVal(s), "Accepts", expected(q, qu))
		}
		if qu.Min != nil && v < *qu.Min || qu.Max != nil && v > *qu.Max {
			return Value{}, lang.M("answer-out-of-range", "Value", fmtNum(v), "Range", rangeText(qu))
		}
		return Value{Kind: ValueGiven, Number: v}, lang.Msg{}
	}
	return Value{Kind: ValueGiven, Text: raw.Text}, lang.Msg{}
}

// ParseNumber reads a number as people write it: a decimal point or comma,
// and spaces (also non-breaking) between thousands.
func ParseNumber(s string) (float64, bool) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", ",", ".").Replace(strings.TrimSpace(s))
	if strings.Count(s, ".") > 1 {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || strings.ContainsAny(s, "xXpP_") {
		return 0, false
	}
	return v, true
}

// ScaleValue reads a scale value (2, 2.0), a scale label (Påbegynt), or
// both as Label prints them (Påbegynt (2)).
func ScaleValue(q *Questionnaire, s string) (float64, bool) {
	if label, num, ok := strings.Cut(strings.TrimSuffix(strings.TrimSpace(s), ")"), " ("); ok {
		v, okL := ScaleValue(q, label)
		n, okN := ParseNumber(num)
		return v, okL && okN && v == n
	}
	for _, p := range q.Scale {
		if fold(s) == fold(p.Label.NB) || p.Label.NN != "" && fold(s) == fold(p.Label.NN) {
			return *p.Value, true
		}
	}
	if v, ok := ParseNumber(s); ok && isScaleValue(q, v) {
		return v, true
	}
	return 0, false
}

func parseYesNo(s string) (float64, bool) {
	switch fold(s) {
	case "ja", "true", "yes":
		return 1, true
	case "nei", "false", "no":
		return 0, true
	}
	return 0, false
}

// optionByText finds an option by its id or its label.
func optionByText(qu *Question, s string) (string, bool) {
	if i, ok := qu.optionIndex[s]; ok {
		return qu.Options[i].ID, true
	}
	for _, o := range qu.Options {
		if fold(s) == fold(o.ID) || fold(s) == fold(o.Label.NB) || o.Label.NN != "" && fold(s) == fold(o.Label.NN) {
			return o.ID, true
		}
	}
	return "", false
}

// rangeText says which numbers a number question takes.
func rangeText(qu *Question) lang.Msg {
	unit := unitSuffix(qu.Unit)
	switch {
	case qu.Min != nil && qu.Max != nil:
		return lang.M("number-range-between", "Min", fmtNum(*qu.Min), "Max", fmtNum(*qu.Max), "Unit", unit)
	case qu.Min != nil:
		return lang.M("number-range-min", "Min", fmtNum(*qu.Min), "Unit", unit)
	case qu.Max != nil:
		return lang.M("number-range-max", "Max", fmtNum(*qu.Max), "Unit", unit)
	}
	return lang.M("number-range-any", "Unit", unit)
}

// unitSuffix is « (tonn)» after a number in a message, nothing without a
// unit.
func unitSuffix(unit string) lang.Msg {
	if unit == "" {
		return lang.Msg{}
	}
	return lang.M("unit-suffix", "Unit", unitName(unit))
}

// unitName is a unit as messages name it: a share is «prosent».
func unitName(unit string) any {
	if unit == "prosent" || unit == "%" {
		return lang.M("unit-percent")
	}
	return unit
}

// ExpectedIn says in p's language what a question accepts.
func ExpectedIn(p *lang.Printer, q *Questionnaire, qu *Question) string {
	return expected(q, qu).In(p)
}

func expected(q *Questionnaire, qu *Question) lang.Msg { return accepts(q, qu, false) }

// accepts says what a question accepts: in full for messages, or briefly
// for the comment above each question in an answers file.
func accepts(q *Questionnaire, qu *Question, brief bool) lang.Msg {
	var m lang.Msg
	switch qu.EffectiveType() {
	case TypeScale:
		m = lang.M("accepts-scale", "Values", scaleValues(q))
		if brief {
			lo, hi := q.ScaleRange()
			m = lang.M("accepts-brief-scale", "Lo", fmtNum(lo), "Hi", fmtNum(hi))
		}
	case TypeYesNo:
		m = lang.M("accepts-yesno")
		if brief {
			m = lang.M("accepts-brief-yesno")
		}
	case TypeChoice:
		m = lang.M("accepts-choice", "Options", optionList(qu))
		if brief {
			m = lang.M("accepts-brief-choice", "IDs", optionIDs(qu))
		}
	case TypeMulti:
		m = lang.M("accepts-multi", "Options", optionList(qu), "First", qu.Options[0].ID)
		if brief {
			m = lang.M("accepts-brief-multi", "IDs", optionIDs(qu), "First", qu.Options[0].ID)
		}
	case TypeNumber:
		m = lang.M("accepts-number", "Range", rangeText(qu))
		if brief {
			m = lang.M("accepts-brief-number")
			if qu.Unit != "" {
				m = lang.M("accepts-brief-number-unit", "Unit", unitName(qu.Unit))
			}
		}
	case TypeText:
		if brief {
			return lang.M("accepts-brief-text")
		}
		return lang.M("accepts-text")
	}
	switch {
	case qu.allowNA && brief:
		m = lang.M("accepts-brief-or-na", "Accepts", m)
	case qu.allowNA:
		m = lang.M("accepts-or-na", "Accepts", m)
	}
	if brief {
		return m
	}
	return lang.M("accepts-or-dont-know", "Accepts", m)
}

// optionIDs lists a question's option ids.
func optionIDs(qu *Question) string {
	parts := make([]string, len(qu.Options))
	for i, o := range qu.Options {
		parts[i] = o.ID
	}
	return strings.Join(parts, ", ")
}

// OptionListIn names a question's options as «id (Label)», with the labels
// in p's language.
func OptionListIn(p *lang.Printer, qu *Question) string {
	parts := make([]string, len(qu.Options))
	for i, o := range qu.Options {
		parts[i] = o.ID + " (" + o.Label.Localize(p) + ")"
	}
	return strings.Join(parts, ", ")
}

// optionList is OptionListIn as a placeholder.
func optionList(qu *Question) lang.Func {
	return func(p *lang.Printer) string { return OptionListIn(p, qu) }
}

// LabelIn is a value as a person reads it, in p's language and the
// questionnaire's words: «Etablert (3)», «Ja», option labels joined by
// «; », a number with its unit and decimal comma, the text; «Ikke
// relevant», «Vet ikke»; "" when there is no value.
func LabelIn(p *lang.Printer, q *Questionnaire, qu *Question, v Value) string {
	switch v.Kind {
	case ValueNone:
		return ""
	case ValueNA:
		return p.T("value-na")
	case ValueDontKnow:
		return p.T("value-dont-know")
	}
	switch qu.EffectiveType() {
	case TypeScale:
		return ScaleTextIn(p, q, v.Number)
	case TypeYesNo:
		if v.Number == 1 {
			return p.T("value-yes")
		}
		return p.T("value-no")
	case TypeChoice, TypeMulti:
		labels := make([]string, 0, len(v.Options))
		for _, id := range v.Options {
			if o, ok := qu.Option(id); ok {
				labels = append(labels, o.Label.Localize(p))
			}
		}
		if len(labels) == 0 {
			return p.T("value-none-chosen")
		}
		return strings.Join(labels, ListSep+" ")
	case TypeNumber:
		return NumberText(v.Number, qu.Unit)
	}
	return v.Text
}

// label is LabelIn as a placeholder.
func label(q *Questionnaire, qu *Question, v Value) lang.Func {
	return func(p *lang.Printer) string { return LabelIn(p, q, qu, v) }
}

// ScaleTextIn is a scale value as «Etablert (3)», the label in p's
// language.
func ScaleTextIn(p *lang.Printer, q *Questionnaire, v float64) string {
	if pt := q.scalePoint(v); pt != nil {
		return fmt.Sprintf("%s (%s)", pt.Label.Localize(p), DecimalComma(v))
	}
	return DecimalComma(v)
}

// scaleText is ScaleTextIn as a placeholder.
func scaleText(q *Questionnaire, v float64) lang.Func {
	return func(p *lang.Printer) string { return ScaleTextIn(p, q, v) }
}

// NumberText is a number with a decimal comma and its unit; «prosent»
// is written «%». It has no words of its own, so it serves every language.
func NumberText(v float64, unit string) string {
	switch unit {
	case "":
		return DecimalComma(v)
	case "prosent", "%":
		return DecimalComma(v) + " %"
	}
	return DecimalComma(v) + " " + unit
}

// DecimalComma writes a number the Norwegian way, with at most two
// decimals and none needless: 46,5.
func DecimalComma(v float64) string {
	s := strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(v, 'f', 2, 64), "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return strings.Replace(s, ".", ",", 1)
}

// Units is a value in the question's own units, for machine-readable
// output: a scale value or number, "ja"/"nei", an option id or a list of
// them, the text, "na", "vet-ikke"; nil when there is none.
func Units(qu *Question, v Value) any {
	switch v.Kind {
	case ValueNone:
		return nil
	case ValueNA:
		return NAText
	case ValueDontKnow:
		return DontKnowText
	}
	switch qu.EffectiveType() {
	case TypeYesNo:
		if v.Number == 1 {
			return "ja"
		}
		return "nei"
	case TypeChoice:
		return v.Options[0]
	case TypeMulti:
		return append([]string{}, v.Options...)
	case TypeText:
		return v.Text
	}
	return v.Number
}

// SameValue compares two values by meaning, not by how they were written:
// «ja» equals «true», [a, b] equals [b, a].
func SameValue(a, b Value) bool {
	if a.Kind != b.Kind {
		return false
	}
	if len(a.Options) != len(b.Options) {
		return false
	}
	for _, x := range a.Options {
		found := false
		for _, y := range b.Options {
			found = found || x == y
		}
		if !found {
			return false
		}
	}
	return a.Number == b.Number && a.Text == b.Text
}
