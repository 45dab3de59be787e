package assessment

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment/lang"
)

// bokmålWords are words that never stand in nynorsk text.
var bokmålWords = regexp.MustCompile(`(?i)(^|[^\pL])(ikke|hva|hvordan|fra|forventet|fant|mangler|finnes|hver|være|eller ikke)($|[^\pL])`)

// questionnaireWords removes the questionnaire's own texts from a message:
// the embedded questionnaires are written in bokmål only, so a nynorsk
// message quotes their labels as they are.
func questionnaireWords(q *Questionnaire, s string) string {
	for _, p := range q.Scale {
		s = strings.ReplaceAll(s, p.Label.NB, "")
	}
	q.AllQuestions(func(_ *Area, qu *Question) {
		for _, o := range qu.Options {
			s = strings.ReplaceAll(s, o.Label.NB, "")
		}
	})
	return s
}

// TestBrokenFilesInNynorsk renders the diagnostics of every broken file in
// nynorsk: the same positions as in bokmål, every message from the
// catalogues, no bokmål word left.
func TestBrokenFilesInNynorsk(t *testing.T) {
	q := loadKS(t)
	nb, nn := lang.For(lang.NB), lang.For(lang.NN)
	files, _ := filepath.Glob("../testdata/broken/*.yaml")
	if len(files) < 20 {
		t.Fatalf("only %d broken files", len(files))
	}
	var all strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Answers are checked against q whatever questionnaire they name,
		// so that wrong-questionnaire.yaml says so.
		doc, ds := Parse(filepath.Base(f), data)
		if doc != nil && doc.Answers != nil {
			_, cds := doc.Answers.Check(q, CheckOptions{})
			ds = append(ds, cds...)
		}
		if len(ds) == 0 {
			t.Errorf("%s: no diagnostic", f)
		}
		for _, d := range ds {
			if d.Msg.ID == "" {
				t.Errorf("%s: not from the catalogues: %s", f, d)
				continue
			}
			inNB, inNN := d.In(nb), d.In(nn)
			if inNB != d.String() || d.Text(nb) != d.Message {
				t.Errorf("%s: bokmål rendered again differs:\n%s\n%s", f, inNB, d.String())
			}
			pos := func(s string) string { return s[:len(s)-len(d.Text(nb))] }
			if want := strings.Replace(pos(inNB), "advarsel: ", "åtvaring: ", 1); !strings.HasPrefix(inNN, want) {
				t.Errorf("%s: position moved:\nnb %s\nnn %s", f, inNB, inNN)
			}
			text := questionnaireWords(q, d.Text(nn))
			if m := bokmålWords.FindString(text); m != "" {
				t.Errorf("%s: bokmål word %q in nynorsk: %s", f, strings.TrimSpace(m), inNN)
			}
			all.WriteString(inNN + "\n")
		}
	}
	for _, w := range []string{"ikkje", "venta", "fann", "finst", "manglar", "ukjend", "fila"} {
		if !strings.Contains(all.String(), w) {
			t.Errorf("no «%s» in the nynorsk diagnostics:\n%s", w, all.String())
		}
	}
	if testing.Verbose() {
		t.Log("\n" + all.String())
	}
}

// TestLabelsInNynorsk: the special answers and yes/no read in the printer's
// language, and what LabelIn shows in nynorsk reads back as the same value.
func TestLabelsInNynorsk(t *testing.T) {
	q := loadKS(t)
	nb, nn := lang.For(lang.NB), lang.For(lang.NN)
	if got := nb.T("value-na"); got != NALabel {
		t.Errorf("value-na in bokmål = %q, NALabel = %q", got, NALabel)
	}
	if got := nb.T("value-dont-know"); got != DontKnowLabel {
		t.Errorf("value-dont-know in bokmål = %q, DontKnowLabel = %q", got, DontKnowLabel)
	}
	var yesno, scale *Question
	q.AllQuestions(func(_ *Area, qu *Question) {
		switch {
		case yesno == nil && qu.EffectiveType() == TypeYesNo && qu.NAAllowed():
			yesno = qu
		case scale == nil && qu.EffectiveType() == TypeScale:
			scale = qu
		}
	})
	if yesno == nil || scale == nil {
		t.Fatal("no yes/no question that allows na, or no scale question")
	}
	for _, v := range []Value{{Kind: ValueNA}, {Kind: ValueDontKnow}, {Kind: ValueGiven, Number: 1}, {Kind: ValueGiven, Number: 0}} {
		s := LabelIn(nn, q, yesno, v)
		back, msg := ParseValue(q, yesno, Raw{Text: s})
		if msg != "" || !SameValue(back, v) {
			t.Errorf("%q does not read back as %+v: %+v %s", s, v, back, msg)
		}
	}
	if got := LabelIn(nn, q, yesno, Value{Kind: ValueNA}); got != "Ikkje relevant" {
		t.Errorf("na in nynorsk = %q", got)
	}
	if got, want := LabelIn(lang.For(lang.NB), q, scale, Value{Kind: ValueGiven, Number: 3}), "Etablert (3)"; got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
	_, msg := ParseValueMsg(q, scale, Raw{Text: "7"})
	if got := msg.In(nn); !strings.Contains(got, "«7» er ikkje ein verdi på skalaen; gyldige verdiar: 0 (Ikke startet)") || !strings.HasSuffix(got, ", eller veit-ikkje") {
		t.Errorf("nynorsk message = %q", got)
	}
}

// TestAnswersFileInNynorsk: an answers file with «language: nn» is
// commented in nynorsk, the questionnaire's own texts in nynorsk where
// it has them.
func TestAnswersFileInNynorsk(t *testing.T) {
	q := loadQuestionnaireFile(t, "../testdata/mini-questionnaire.yaml")
	a := &Answers{Kind: KindAnswers, Questionnaire: q.Ref(), Municipality: Municipality{Name: "Voss", Number: "4621"}, Language: "nn"}
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, q, a); err != nil {
		t.Fatal(err)
	}
	out := strings.ReplaceAll(buf.String(), "\n# ", " ") // unwrapped
	for _, want := range []string{"# Svar på «Lita testundersøking» (mini@1).", "Eit spørsmål utan svar er kommentert ut", "kva kvart spørsmål godtek"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if m := bokmålWords.FindString(questionnaireWords(q, commentsOf(out))); m != "" {
		t.Errorf("bokmål word %q in the comments:\n%s", m, out)
	}
	a.Language = ""
	buf.Reset()
	if err := WriteAnswers(&buf, q, a); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.ReplaceAll(buf.String(), "\n# ", " "), "Et ubesvart spørsmål er kommentert ut") {
		t.Errorf("no bokmål by default:\n%s", buf.String())
	}
}

// commentsOf keeps the file's own comment lines, leaving out question
// texts (the mini questionnaire asks in bokmål only).
func commentsOf(file string) string {
	var b strings.Builder
	for l := range strings.Lines(file) {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "# (") || strings.HasPrefix(t, "# Svar") || strings.HasPrefix(t, "# Alle") {
			b.WriteString(t + "\n")
		}
	}
	return b.String()
}

// TestChangesInNynorsk: merge conflicts, migration steps and questionnaire
// differences speak nynorsk with a nynorsk printer and bokmål by default.
func TestChangesInNynorsk(t *testing.T) {
	nn := lang.For(lang.NN)
	c := Conflict{Question: "styring-temaplan", Values: []ConflictValue{{File: "a.yaml", Value: "Ja", shown: "Ja"}, {File: "b.yaml", Value: "Nei", shown: "Nei"}}}
	if got, want := c.String(), "spørsmålet «styring-temaplan» er besvart ulikt: Ja i a.yaml, Nei i b.yaml"; got != want {
		t.Errorf("bokmål: %q, want %q", got, want)
	}
	if got, want := c.In(nn), "spørsmålet «styring-temaplan» har ulike svar: Ja i a.yaml, Nei i b.yaml"; got != want {
		t.Errorf("nynorsk: %q, want %q", got, want)
	}
	v1, v2 := loadVersions(t)
	var b strings.Builder
	if err := Diff(v1, v2).WriteTextIn(&b, nn); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Nye spørsmål (", "Erstatta spørsmål (", "slått saman; svara blir ein kommentar"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q in:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := Diff(v1, v1).WriteTextIn(&b, nn); err != nil || !strings.HasSuffix(b.String(), "\nIngen skilnader.\n") {
		t.Errorf("same version: %q, %v", b.String(), err)
	}
}
