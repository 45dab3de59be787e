package assessment

import (
	"fmt"
	"math"
	"strconv"
	"strings"
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
	// NALabel is how people see and may type it.
	NALabel = "Ikke relevant"
	// DontKnowText is the canonical «vet ikke» in files.
	DontKnowText = "vet-ikke"
	// DontKnowLabel is how people see and may type it.
	DontKnowLabel = "Vet ikke"
	// ListSep separates several options written in one text.
	ListSep = ";"
)

// fold normalizes a typed text for comparison with labels and keywords.
func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func isNAText(s string) bool {
	f := fold(s)
	return f == NAText || f == fold(NALabel)
}

func isDontKnowText(s string) bool {
	f := fold(s)
	return f == DontKnowText || f == fold(DontKnowLabel)
}

// ParseValue reads raw for question qu of q. The rules are the same for
// every input, so that an answer means the same in a file, a sheet and a
// prompt:
//
//   - empty text: no value (the question counts as unanswered);
//   - «na» or «ikke relevant»: not applicable, where the question allows it;
//   - «vet-ikke» or «vet ikke»: don't know, on any scored question;
//   - scale: a scale value (2) or its label (Påbegynt);
//   - yesno: ja/nei, true/false, yes/no;
//   - choice: an option id or its label;
//   - multi: a list of ids or labels, or one text with them separated by «;»;
//   - number: decimal point or comma, spaces between thousands, within the
//     question's min and max;
//   - text: any text.
//
// Case and repeated spaces are ignored in keywords and labels. On failure
// it returns a Norwegian message saying what is wrong and what is valid.
func ParseValue(q *Questionnaire, qu *Question, raw Raw) (Value, string) {
	t := qu.EffectiveType()
	if !raw.IsList {
		s := strings.TrimSpace(raw.Text)
		switch {
		case s == "":
			return Value{}, ""
		case t != TypeText && isNAText(s):
			if !qu.allowNA {
				return Value{}, "«na» (ikke relevant) er ikke tillatt for dette spørsmålet; svar med en verdi, «vet-ikke», eller la det stå ubesvart"
			}
			return Value{Kind: ValueNA}, ""
		case t != TypeText && isDontKnowText(s):
			return Value{Kind: ValueDontKnow}, ""
		}
	} else if t != TypeMulti {
		return Value{}, "forventet én verdi, fant en liste; " + Expected(q, qu)
	}
	s := strings.TrimSpace(raw.Text)
	switch t {
	case TypeScale:
		if v, ok := ScaleValue(q, s); ok {
			return Value{Kind: ValueGiven, Number: v}, ""
		}
		return Value{}, fmt.Sprintf("%s er ikke en verdi på skalaen; %s", quoteVal(s), Expected(q, qu))
	case TypeYesNo:
		if b, ok := parseYesNo(s); ok {
			return Value{Kind: ValueGiven, Number: b}, ""
		}
		return Value{}, fmt.Sprintf("%s er ikke et ja/nei-svar; %s", quoteVal(s), Expected(q, qu))
	case TypeChoice:
		if id, ok := optionByText(qu, s); ok {
			return Value{Kind: ValueGiven, Options: []string{id}}, ""
		}
		return Value{}, fmt.Sprintf("ukjent alternativ %s; %s%s", quoteVal(s), Expected(q, qu), didYouMean(s, qu))
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
				return Value{}, fmt.Sprintf("ukjent alternativ %s; %s%s", quoteVal(it), Expected(q, qu), didYouMean(it, qu))
			}
			if seen[id] {
				return Value{}, fmt.Sprintf("alternativet «%s» er valgt to ganger; nevn hvert alternativ bare én gang", id)
			}
			seen[id] = true
			ids = append(ids, id)
		}
		return Value{Kind: ValueGiven, Options: ids}, ""
	case TypeNumber:
		v, ok := ParseNumber(s)
		if !ok {
			return Value{}, fmt.Sprintf("%s er ikke et tall; %s", quoteVal(s), Expected(q, qu))
		}
		if qu.Min != nil && v < *qu.Min || qu.Max != nil && v > *qu.Max {
			return Value{}, fmt.Sprintf("%s er utenfor det gyldige området; %s", fmtNum(v), rangeText(qu))
		}
		return Value{Kind: ValueGiven, Number: v}, ""
	}
	return Value{Kind: ValueGiven, Text: raw.Text}, ""
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

func rangeText(qu *Question) string {
	switch {
	case qu.Min != nil && qu.Max != nil:
		return fmt.Sprintf("skriv et tall fra %s til %s%s", fmtNum(*qu.Min), fmtNum(*qu.Max), unitSuffix(qu.Unit))
	case qu.Min != nil:
		return fmt.Sprintf("skriv et tall som er minst %s%s", fmtNum(*qu.Min), unitSuffix(qu.Unit))
	case qu.Max != nil:
		return fmt.Sprintf("skriv et tall som er høyst %s%s", fmtNum(*qu.Max), unitSuffix(qu.Unit))
	}
	return "skriv et tall" + unitSuffix(qu.Unit)
}

func unitSuffix(unit string) string {
	switch unit {
	case "":
		return ""
	case "prosent", "%":
		return " (prosent)"
	}
	return " (" + unit + ")"
}

// Expected says in Norwegian what a question accepts, for messages.
func Expected(q *Questionnaire, qu *Question) string { return accepts(q, qu, false) }

// accepts says what a question accepts: in full for messages, or briefly
// for the comment above each question in an answers file.
func accepts(q *Questionnaire, qu *Question, brief bool) string {
	var s string
	switch qu.EffectiveType() {
	case TypeScale:
		s = "gyldige verdier: " + ScaleValues(q)
		if brief {
			lo, hi := q.ScaleRange()
			s = fmt.Sprintf("skala %s–%s", fmtNum(lo), fmtNum(hi))
		}
	case TypeYesNo:
		s = "gyldige verdier: ja, nei"
		if brief {
			s = "ja eller nei"
		}
	case TypeChoice:
		s = "gyldige alternativer: " + OptionList(qu)
		if brief {
			s = "ett av: " + optionIDs(qu)
		}
	case TypeMulti:
		s = "gyldige alternativer: " + OptionList(qu) + "; skriv flere som en liste, for eksempel [" + qu.Options[0].ID + "], eller skilt med «;»"
		if brief {
			s = "en liste med noen av: " + optionIDs(qu) + "; for eksempel [" + qu.Options[0].ID + "]"
		}
	case TypeNumber:
		s = rangeText(qu) + ", for eksempel 42,5"
		if brief {
			s = "et tall" + strings.TrimSuffix(strings.Replace(unitSuffix(qu.Unit), " (", ", ", 1), ")")
		}
	case TypeText:
		if brief {
			return "fritekst"
		}
		return "skriv en tekst"
	}
	switch {
	case qu.allowNA && brief:
		s += ", eller na for ikke relevant"
	case qu.allowNA:
		s += ", eller na (ikke relevant)"
	}
	if brief {
		return s
	}
	return s + ", eller vet-ikke"
}

// optionIDs lists a question's option ids.
func optionIDs(qu *Question) string {
	parts := make([]string, len(qu.Options))
	for i, o := range qu.Options {
		parts[i] = o.ID
	}
	return strings.Join(parts, ", ")
}

// OptionList names a question's options as «id (Label)».
func OptionList(qu *Question) string {
	parts := make([]string, len(qu.Options))
	for i, o := range qu.Options {
		parts[i] = o.ID + " (" + o.Label.NB + ")"
	}
	return strings.Join(parts, ", ")
}

// Label is a value as a person reads it, in the questionnaire's words:
// «Etablert (3)», «Ja», option labels joined by «; », a number with its
// unit and decimal comma, the text; «Ikke relevant», «Vet ikke»; "" when
// there is no value.
func Label(q *Questionnaire, qu *Question, v Value) string {
	switch v.Kind {
	case ValueNone:
		return ""
	case ValueNA:
		return NALabel
	case ValueDontKnow:
		return DontKnowLabel
	}
	switch qu.EffectiveType() {
	case TypeScale:
		return ScaleText(q, v.Number)
	case TypeYesNo:
		if v.Number == 1 {
			return "Ja"
		}
		return "Nei"
	case TypeChoice, TypeMulti:
		labels := make([]string, 0, len(v.Options))
		for _, id := range v.Options {
			if o, ok := qu.Option(id); ok {
				labels = append(labels, o.Label.NB)
			}
		}
		if len(labels) == 0 {
			return "Ingen valgt"
		}
		return strings.Join(labels, ListSep+" ")
	case TypeNumber:
		return NumberText(v.Number, qu.Unit)
	}
	return v.Text
}

// ScaleText is a scale value as «Etablert (3)».
func ScaleText(q *Questionnaire, v float64) string {
	if l := q.ScaleLabel(v); l != "" {
		return fmt.Sprintf("%s (%s)", l, DecimalComma(v))
	}
	return DecimalComma(v)
}

// NumberText is a number with a decimal comma and its unit; «prosent»
// is written «%».
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
