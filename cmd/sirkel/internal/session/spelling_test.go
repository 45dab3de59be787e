package session

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/answersheet"
	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"
)

// spellings are answers as people write them, each with what it must mean
// (in the question's units, as JSON shows it) or "refused". Every input —
// a YAML file, a filled-in answer sheet, the interactive form — must agree.
var spellings = []struct {
	id, text, want string
}{
	{"styring-plan", "3", "3"},
	{"styring-plan", "3.0", "3"},
	{"styring-plan", "Etablert", "3"},
	{"styring-plan", "  etablert ", "3"},
	{"styring-plan", "Etablert (3)", "3"},
	{"styring-plan", "Etablert (2)", "refused"},
	{"styring-plan", "5", "refused"},
	{"styring-plan", "Delvis", "refused"},
	{"styring-plan", "na", "refused"}, // not allowed in this area
	{"styring-plan", "vet ikke", "vet-ikke"},
	{"styring-plan", "Vet-ikke", "vet-ikke"},
	{"styring-budsjett", "ja", "ja"},
	{"styring-budsjett", "Ja", "ja"},
	{"styring-budsjett", "true", "ja"},
	{"styring-budsjett", "nei", "nei"},
	{"styring-budsjett", "FALSE", "nei"},
	{"styring-budsjett", "1", "refused"},
	{"styring-budsjett", "sann", "refused"},
	{"bygg-ombruk", "46,5", "46.5"},
	{"bygg-ombruk", "46.5", "46.5"},
	{"bygg-ombruk", "1 000", "1000"},
	{"bygg-ombruk", "mye", "refused"},
	{"bygg-ombruk", "1e999", "refused"},
	{"bygg-ombruk", "na", "na"},
	{"bygg-ombruk", "Ikke relevant", "na"},
	{"bygg-krav", "kartlegging; lcc", "[kartlegging lcc]"},
	{"bygg-krav", "Ombrukskartlegging; Annet", "[kartlegging annet]"},
	{"bygg-krav", "x", "refused"},
	{"bygg-krav", "lcc; lcc", "refused"},
	{"bygg-rolle", "paadriver", "paadriver"},
	{"bygg-rolle", "Pådriver", "paadriver"},
	{"bygg-rolle", "Noen", "refused"},
	{"bygg-rolle", "vet ikke", "vet-ikke"},
}

// TestSpellingsAgreeAcrossInputs runs every spelling through the three
// inputs and expects the same meaning, or a refusal, from each.
func TestSpellingsAgreeAcrossInputs(t *testing.T) {
	q := miniQuestionnaire(t)
	for _, sp := range spellings {
		qu, _, ok := q.Question(sp.id)
		if !ok {
			t.Fatalf("no question %s", sp.id)
		}
		name := sp.id + "=" + sp.text
		for input, got := range map[string]string{
			"yaml":  viaYAML(t, q, qu, sp.text),
			"sheet": viaSheet(t, q, qu, sp.text),
			"form":  viaForm(t, q, qu, sp.text),
			"line":  viaLine(t, q, qu, sp.text),
		} {
			if got != sp.want {
				t.Errorf("%s through %s: %s, want %s", name, input, got, sp.want)
			}
		}
	}
}

func meaning(qu *assessment.Question, c *assessment.Checked, ds assessment.Diagnostics) string {
	if ds.HasErrors() || c.Value(qu).Kind == assessment.ValueNone {
		return "refused"
	}
	return fmt.Sprint(assessment.Units(qu, c.Value(qu)))
}

// viaYAML writes the spelling as a person types it after the colon.
func viaYAML(t *testing.T, q *assessment.Questionnaire, qu *assessment.Question, text string) string {
	t.Helper()
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	if err := enc.Encode(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: qu.ID}, {Kind: yaml.ScalarNode, Value: text},
	}}); err != nil {
		t.Fatal(err)
	}
	src := "kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-21\nanswers:\n  " + b.String()
	a, ds := assessment.ParseAnswers("svar.yaml", []byte(src))
	if ds.HasErrors() {
		return "refused"
	}
	c, ds := a.Check(q, assessment.CheckOptions{})
	return meaning(qu, c, ds)
}

// viaSheet types the spelling into the answer cell of a fresh answer sheet.
func viaSheet(t *testing.T, q *assessment.Questionnaire, qu *assessment.Question, text string) string {
	t.Helper()
	head, _ := assessment.ParseAnswers("svar.yaml", []byte("kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-21\nanswers: {}\n"))
	from, _ := head.Check(q, assessment.CheckOptions{})
	var buf bytes.Buffer
	if err := answersheet.Write(&buf, q, answersheet.Options{From: from, Now: time.Unix(0, 0)}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Svar")
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "Svar" {
			col = i
		}
	}
	row := -1
	for i, r := range rows {
		if len(r) > 0 && r[0] == qu.ID {
			row = i
		}
	}
	if col < 0 || row < 0 {
		t.Fatalf("no answer cell for %s", qu.ID)
	}
	cell, _ := excelize.CoordinatesToCellName(col+1, row+1)
	if err := f.SetCellStr("Svar", cell, text); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	sheet, err := answersheet.Open("svar.xlsx", out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	c, ds := sheet.Answers(q).Check(q, assessment.CheckOptions{})
	return meaning(qu, c, sheet.Diagnostics(ds))
}

// viaForm puts the spelling into the form's field as if typed or chosen;
// what the field refuses gives no answer.
func viaForm(t *testing.T, q *assessment.Questionnaire, qu *assessment.Question, text string) string {
	t.Helper()
	f := buildQuestionForm(nb, q, itemFor(t, q, qu.ID), nil, formOptions{})
	switch qu.EffectiveType() {
	case assessment.TypeScale, assessment.TypeYesNo, assessment.TypeChoice:
		f.choice = text
	case assessment.TypeMulti:
		f.choices = strings.Split(text, ";")
	default:
		f.text = text
		if checkNumber(nb, q, qu, text) != nil {
			return "refused"
		}
	}
	return formMeaning(q, qu, f)
}

// viaLine types the spelling as the line of accessible mode.
func viaLine(t *testing.T, q *assessment.Questionnaire, qu *assessment.Question, text string) string {
	t.Helper()
	f := newQuestionForm(nn, q, itemFor(t, q, qu.ID), nil)
	if f.read(text) != nil {
		return "refused"
	}
	return formMeaning(q, qu, f)
}

// formMeaning is what the answer of a form means, read back from a file.
func formMeaning(q *assessment.Questionnaire, qu *assessment.Question, f *questionForm) string {
	ans := f.answer()
	if ans == nil {
		return "refused"
	}
	a := &assessment.Answers{Kind: assessment.KindAnswers, Questionnaire: q.Ref()}
	a.Answers.Set(qu.ID, ans)
	c, ds := a.Check(q, assessment.CheckOptions{})
	return meaning(qu, c, ds)
}
