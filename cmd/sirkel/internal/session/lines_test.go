package session

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// What accessible mode says before each prompt, and the prompt, in both
// written standards: the question before its help, the scale with its own
// values, lists numbered from 1.
func TestAccessibleLinesAndPrompts(t *testing.T) {
	q := miniQuestionnaire(t)
	for _, tt := range []struct {
		p      *lang.Printer
		id     string
		lines  []string
		prompt string
	}{
		{nb, "styring-plan", []string{"Område 1 av 2: Styring · spørsmål 1 av 3", "Trinn 1: Helhetlig temaplan", "Har kommunen en plan?", "Vedtatt plan teller som 3.", "  0: Ikke startet – Ingenting er gjort.", "  4: Systematisk og evaluert"},
			"Skriv 0–4, v for vet ikke, tom linje for å hoppe over:"},
		{nn, "styring-plan", []string{"Har kommunen en plan?", "  2: Påbegynt"},
			"Skriv 0–4, v for veit ikkje, tom linje for å hoppe over:"},
		{nb, "styring-budsjett", []string{"Trinn 2: Budsjett", "Er tiltakene budsjettert?"},
			"Skriv j for ja, n for nei, v for vet ikke, tom linje for å hoppe over:"},
		{nn, "bygg-ombruk", []string{"Tiltaksnivå I: Effektivisering", "Hvor stor andel av materialene ombrukes? (prosent)"},
			"Skriv eit tal (prosent), desimalar med komma, v for veit ikkje, n for ikkje relevant, tom linje for å hoppe over:"},
		{nn, "bygg-krav", []string{"  1: Ombrukskartlegging", "  3: Annet"},
			"Skriv numra på dei som gjeld, skilde med komma eller mellomrom, 0 for ingen av dei, v for veit ikkje, n for ikkje relevant, tom linje for å hoppe over:"},
		{nb, "bygg-rolle", []string{"  2: Pådriver"},
			"Skriv 1–3, v for vet ikke, n for ikke relevant, tom linje for å hoppe over:"},
		{nn, "styring-merknad", []string{"Andre merknader"},
			"Skriv svaret på éi linje, tom linje for å hoppe over:"},
	} {
		f := newQuestionForm(tt.p, q, itemFor(t, q, tt.id), nil)
		lines := f.lines()
		for _, want := range tt.lines {
			if !contains(lines, want) {
				t.Errorf("%s/%s: no line %q in\n%s", tt.p.Lang(), tt.id, want, strings.Join(lines, "\n"))
			}
		}
		if got := f.prompt(); got != tt.prompt {
			t.Errorf("%s/%s: prompt\n %q, want\n %q", tt.p.Lang(), tt.id, got, tt.prompt)
		}
	}
	// The question comes before its help.
	lines := newQuestionForm(nb, q, itemFor(t, q, "styring-plan"), nil).lines()
	if strings.Index(strings.Join(lines, "\n"), "Har kommunen en plan?") > strings.Index(strings.Join(lines, "\n"), "Vedtatt plan teller") {
		t.Errorf("help before the question:\n%s", strings.Join(lines, "\n"))
	}
	// With an answer in the file, an empty line keeps it.
	prev := &assessment.Answer{Scalar: "2", Tag: "!!int"}
	if got := newQuestionForm(nn, q, itemFor(t, q, "styring-plan"), prev).prompt(); !strings.HasSuffix(got, "tom linje for å behalde svaret:") {
		t.Errorf("prompt with an answer: %q", got)
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// Lines typed in accessible mode, and what they mean in the file's units;
// «refused» lines are answered in the session's language and asked again.
func TestAccessibleRead(t *testing.T) {
	q := miniQuestionnaire(t)
	for _, tt := range []struct{ id, line, want string }{
		{"styring-plan", "3", "3"}, // the scale value itself, not a list number
		{"styring-plan", "0", "0"},
		{"styring-plan", " 4 ", "4"},
		{"styring-plan", "Påbegynt", "2"},
		{"styring-plan", "v", "vet-ikke"},
		{"styring-plan", "V", "vet-ikke"},
		{"styring-plan", "veit ikkje", "vet-ikke"},
		{"styring-plan", "5", "refused"},
		{"styring-plan", "n", "refused"}, // not allowed in this area
		{"styring-plan", "", "none"},
		{"styring-budsjett", "j", "ja"},
		{"styring-budsjett", "n", "nei"},
		{"styring-budsjett", "Nei", "nei"},
		{"styring-budsjett", "1", "refused"},
		{"bygg-ombruk", "12,5", "12.5"},
		{"bygg-ombruk", "1 000", "1000"},
		{"bygg-ombruk", "n", "na"},
		{"bygg-ombruk", "mye", "refused"},
		{"bygg-krav", "1, 2", "[kartlegging lcc]"},
		{"bygg-krav", "3 1", "[kartlegging annet]"},
		{"bygg-krav", "2;2", "[lcc]"},
		{"bygg-krav", "0", "[]"},
		{"bygg-krav", "0 1", "refused"},
		{"bygg-krav", "4", "refused"},
		{"bygg-krav", "Annet; lcc", "[lcc annet]"},
		{"bygg-krav", "n", "na"},
		{"bygg-rolle", "2", "paadriver"},
		{"bygg-rolle", "0", "refused"},
		{"bygg-rolle", "1 2", "refused"},
		{"bygg-rolle", "Deltaker", "deltaker"},
		{"styring-merknad", "v", "v"}, // text is taken as typed
	} {
		qu, _, _ := q.Question(tt.id)
		f := newQuestionForm(nn, q, itemFor(t, q, tt.id), nil)
		err := f.read(tt.line)
		got := "refused"
		if err == nil {
			got = "none"
			if a := f.answer(); a != nil {
				v, _ := assessment.ParseValue(q, qu, a.Raw())
				got = fmt.Sprint(assessment.Units(qu, v))
			}
		} else if le := (*lang.Error)(nil); !errors.As(err, &le) {
			t.Errorf("%s %q: error %v is no catalogue message", tt.id, tt.line, err)
		} else if msg := le.Msg.In(nn); strings.Contains(msg, "ikke ") {
			t.Errorf("%s %q: bokmål in the nynorsk message %q", tt.id, tt.line, msg)
		}
		if got != tt.want {
			t.Errorf("%s %q = %s, want %s", tt.id, tt.line, got, tt.want)
		}
	}
}

func TestValuesText(t *testing.T) {
	for _, tt := range []struct {
		vals []float64
		want string
	}{
		{[]float64{0, 1, 2, 3, 4}, "0–4"},
		{[]float64{1, 2, 3}, "1–3"},
		{[]float64{0, 0.5, 1}, "0, 0,5 eller 1"},
		{[]float64{0, 50, 100}, "0, 50 eller 100"},
	} {
		if got := valuesText(nn, tt.vals); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.vals, got, tt.want)
		}
	}
}
