package session

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/huh"
	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

var nb, nn = lang.For(lang.NB), lang.For(lang.NN)

func miniQuestionnaire(t *testing.T) *assessment.Questionnaire {
	t.Helper()
	data, err := os.ReadFile("../../../../testdata/mini-questionnaire.yaml")
	if err != nil {
		t.Fatal(err)
	}
	q, ds := assessment.ParseQuestionnaire("mini-questionnaire.yaml", data)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return q
}

// itemFor finds a question of the mini questionnaire as the planner would
// list it with all areas chosen.
func itemFor(t *testing.T, q *assessment.Questionnaire, id string) questionItem {
	t.Helper()
	for _, it := range planQuestions(q, &assessment.Answers{}, []string{"styring", "bygg"}, true) {
		if it.Question.ID == id {
			return it
		}
	}
	t.Fatalf("no question %s", id)
	return questionItem{}
}

// checkedAnswers parses answers written as YAML and checks them, as a
// continued file is.
func checkedAnswers(t *testing.T, q *assessment.Questionnaire, body string) *assessment.Answers {
	t.Helper()
	src := "kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-21\nanswers:\n" + body
	a, ds := assessment.ParseAnswers("svar.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if _, ds := a.Check(q, assessment.CheckOptions{}); ds.HasErrors() {
		t.Fatal(ds)
	}
	return a
}

func optionValues(opts []huh.Option[string]) []string {
	var v []string
	for _, o := range opts {
		v = append(v, o.Value)
	}
	return v
}

func optionKeys(opts []huh.Option[string]) []string {
	var k []string
	for _, o := range opts {
		k = append(k, o.Key)
	}
	return k
}

func TestBuildQuestionFormFields(t *testing.T) {
	q := miniQuestionnaire(t)
	tests := []struct {
		id         string
		wantField  string
		wantValues []string
	}{
		{"styring-plan", "*huh.Select[string]", []string{"0", "1", "2", "3", "4", choiceDontKnow, choiceSkip}},
		{"styring-budsjett", "*huh.Select[string]", []string{"ja", "nei", choiceDontKnow, choiceSkip}},
		{"styring-merknad", "*huh.Text", nil},
		{"bygg-ombruk", "*huh.Input", nil},
		{"bygg-krav", "*huh.MultiSelect[string]", []string{"kartlegging", "lcc", "annet", choiceNone, multiDontKnow, choiceNA, choiceSkip}},
		{"bygg-rolle", "*huh.Select[string]", []string{"ingen", "paadriver", "deltaker", choiceDontKnow, choiceNA, choiceSkip}},
	}
	for _, tt := range tests {
		f := buildQuestionForm(nb, q, itemFor(t, q, tt.id), nil, formOptions{})
		if got := typeName(f.field); got != tt.wantField {
			t.Errorf("%s: field %s, want %s", tt.id, got, tt.wantField)
		}
		if got := optionValues(f.options); !slices.Equal(got, tt.wantValues) {
			t.Errorf("%s: options %q, want %q", tt.id, got, tt.wantValues)
		}
		if f.comment == nil {
			t.Errorf("%s: no comment field", tt.id)
		}
	}
}

func typeName(f huh.Field) string {
	switch f.(type) {
	case *huh.Select[string]:
		return "*huh.Select[string]"
	case *huh.MultiSelect[string]:
		return "*huh.MultiSelect[string]"
	case *huh.Input:
		return "*huh.Input"
	case *huh.Text:
		return "*huh.Text"
	}
	return "?"
}

func TestScaleOptionLabels(t *testing.T) {
	q := miniQuestionnaire(t)
	it := itemFor(t, q, "styring-plan")
	tui := optionKeys(buildQuestionForm(nb, q, it, nil, formOptions{}).options)
	if tui[0] != "Ikke startet (0)" || tui[5] != "Vet ikke" || tui[6] != "Hopp over (la stå ubesvart)" {
		t.Errorf("terminal options %q", tui)
	}
	if k := optionKeys(buildQuestionForm(nn, q, it, nil, formOptions{}).options); k[5] != "Veit ikkje" || k[6] != "Hopp over (la stå utan svar)" {
		t.Errorf("nynorsk options %q", k)
	}
}

func TestQuestionPage(t *testing.T) {
	q := miniQuestionnaire(t)
	page := buildQuestionForm(nb, q, itemFor(t, q, "bygg-rolle"), nil, formOptions{}).page()
	if v := page.View(); !strings.Contains(v, "Område 2 av 2: Bygg · spørsmål 3 av 3") || !strings.Contains(v, "Tiltaksnivå II: Moderat systemendring") {
		t.Errorf("page header:\n%s", v)
	}
}

func TestQuestionFormPreselection(t *testing.T) {
	q := miniQuestionnaire(t)
	a := checkedAnswers(t, q, `  styring-plan: {value: 3, comment: Vedtatt i juni}
  styring-budsjett: ja
  bygg-ombruk: 42.5
  bygg-krav: [kartlegging, lcc]
  bygg-rolle: na
`)
	for _, tt := range []struct {
		id   string
		want any
	}{
		{"styring-plan", "3"},
		{"styring-budsjett", "ja"},
		{"bygg-ombruk", "42.5"},
		{"bygg-krav", []string{"kartlegging", "lcc"}},
		{"bygg-rolle", choiceNA},
	} {
		prev, _ := a.Answers.Get(tt.id)
		for _, accessible := range []bool{false, true} {
			f := buildQuestionForm(nb, q, itemFor(t, q, tt.id), prev, formOptions{})
			if accessible {
				// An empty line keeps the answer.
				f = newQuestionForm(nb, q, itemFor(t, q, tt.id), prev)
				if err := f.read(""); err != nil {
					t.Fatal(err)
				}
				if a := f.answer(); a == nil || !sameRaw(a, prev) {
					t.Errorf("%s: empty line gives %+v, want %+v", tt.id, a, prev)
				}
				continue
			}
			got := f.field.GetValue()
			if want, ok := tt.want.([]string); ok {
				if gs, _ := got.([]string); !slices.Equal(gs, want) {
					t.Errorf("%s: preselected %v, want %v", tt.id, got, want)
				}
			} else if got != tt.want {
				t.Errorf("%s (accessible=%v): preselected %v, want %v", tt.id, accessible, got, tt.want)
			}
			if f.comment.GetValue() != prev.Comment {
				t.Errorf("%s: comment %q, want %q", tt.id, f.comment.GetValue(), prev.Comment)
			}
			if a := f.answer(); a == nil || !sameRaw(a, prev) {
				t.Errorf("%s: unchanged form gives %+v, want %+v", tt.id, a, prev)
			}
		}
	}
	// With an answer, «Hopp over» keeps it.
	prev, _ := a.Answers.Get("styring-plan")
	f := buildQuestionForm(nb, q, itemFor(t, q, "styring-plan"), prev, formOptions{})
	if k := optionKeys(f.options); k[len(k)-1] != "Hopp over (behold svaret)" {
		t.Errorf("skip option with an answer: %q", k[len(k)-1])
	}
	f.choice = choiceSkip
	if got := f.answer(); got == nil || got.Scalar != "3" || got.Comment != "Vedtatt i juni" {
		t.Errorf("skip dropped the answer: %+v", got)
	}
}

func sameRaw(a, b *assessment.Answer) bool {
	return a.Empty == b.Empty && a.Scalar == b.Scalar && a.IsList == b.IsList &&
		slices.Equal(a.List, b.List) && a.Comment == b.Comment
}

// Unanswered: in accessible mode an empty line skips; in the terminal UI the
// cursor starts on the first option.
func TestQuestionFormDefaults(t *testing.T) {
	q := miniQuestionnaire(t)
	it := itemFor(t, q, "styring-plan")
	acc := newQuestionForm(nb, q, it, nil)
	if err := acc.read(""); err != nil || acc.answer() != nil {
		t.Errorf("accessible empty line: %v, %+v", err, acc.answer())
	}
	tui := buildQuestionForm(nb, q, it, nil, formOptions{})
	if tui.field.GetValue() != "0" {
		t.Errorf("terminal default %v", tui.field.GetValue())
	}
}

func TestQuestionFormAnswers(t *testing.T) {
	q := miniQuestionnaire(t)
	tests := []struct {
		id      string
		set     func(f *questionForm)
		want    string // the answer as written in the file; "" for none
		comment string
	}{
		{"styring-plan", func(f *questionForm) { f.choice = "2" }, "styring-plan: 2", ""},
		{"styring-plan", func(f *questionForm) { f.choice = choiceSkip }, "", ""},
		{"styring-plan", func(f *questionForm) { f.choice = choiceSkip; f.commentText = "Spør økonomi" }, "styring-plan:\n    comment: Spør økonomi", "Spør økonomi"},
		{"styring-budsjett", func(f *questionForm) { f.choice = "nei" }, "styring-budsjett: nei", ""},
		{"styring-merknad", func(f *questionForm) { f.text = "  Fritt: svar  " }, "styring-merknad: 'Fritt: svar'", ""},
		{"styring-merknad", func(f *questionForm) { f.text = " " }, "", ""},
		{"bygg-ombruk", func(f *questionForm) { f.text = "12,5" }, "bygg-ombruk: 12.5", ""},
		{"bygg-ombruk", func(f *questionForm) { f.text = "40" }, "bygg-ombruk: 40", ""},
		{"bygg-ombruk", func(f *questionForm) { f.text = "NA" }, "bygg-ombruk: na", ""},
		{"bygg-ombruk", func(f *questionForm) { f.text = "" }, "", ""},
		{"bygg-krav", func(f *questionForm) { f.choices = []string{"annet", "kartlegging"} }, "bygg-krav: [kartlegging, annet]", ""},
		{"bygg-krav", func(f *questionForm) { f.choices = []string{choiceNone} }, "bygg-krav: []", ""},
		{"bygg-krav", func(f *questionForm) { f.choices = []string{choiceNA} }, "bygg-krav: na", ""},
		{"bygg-krav", func(f *questionForm) { f.choices = []string{choiceSkip} }, "", ""},
		{"bygg-rolle", func(f *questionForm) { f.choice = "paadriver"; f.commentText = " Pådriver i regionen " }, "bygg-rolle:\n    value: paadriver\n    comment: Pådriver i regionen", "Pådriver i regionen"},
	}
	for _, tt := range tests {
		f := buildQuestionForm(nb, q, itemFor(t, q, tt.id), nil, formOptions{})
		tt.set(f)
		got := f.answer()
		a := &assessment.Answers{Kind: assessment.KindAnswers, Questionnaire: q.Ref(),
			Municipality: assessment.Municipality{Name: "Øyer", Number: "3440"}}
		if got != nil {
			a.Answers.Set(tt.id, got)
		}
		var buf bytes.Buffer
		if err := assessment.WriteAnswers(&buf, q, a); err != nil {
			t.Fatal(err)
		}
		text := buf.String()
		if tt.want == "" {
			if got != nil {
				t.Errorf("%s: got %+v, want no answer", tt.id, got)
			}
			continue
		}
		if !strings.Contains(text, "\n  "+tt.want+"\n") {
			t.Errorf("%s: file lacks %q:\n%s", tt.id, tt.want, text)
		}
		// What the form gives checks against the questionnaire.
		back := checkedAnswers(t, q, strings.SplitN(text, "answers:\n", 2)[1])
		qu, _, _ := q.Question(tt.id)
		if ans, _ := back.Answers.Get(tt.id); ans == nil || ans.Comment != tt.comment || (!ans.Empty && !isAnswered(q, back, qu)) {
			t.Errorf("%s: read back %+v", tt.id, ans)
		}
	}
}

func TestCheckNumberAndMulti(t *testing.T) {
	q := miniQuestionnaire(t)
	qu, _, _ := q.Question("bygg-ombruk") // a share, «ikke relevant» allowed
	for _, tt := range []struct {
		in string
		ok bool
	}{
		{"", true}, {"42", true}, {"42,5", true}, {" 1 000 ", true}, {"na", true}, {"vet ikke", true},
		{"mye", false}, {"NaN", false}, {"1e999", false},
	} {
		if err := checkNumber(nb, q, qu, tt.in); (err == nil) != tt.ok {
			t.Errorf("checkNumber(%q) = %v", tt.in, err)
		}
	}
	for _, tt := range []struct {
		in []string
		ok bool
	}{
		{nil, false}, {[]string{"lcc"}, true}, {[]string{"lcc", "annet"}, true}, {[]string{choiceNone}, true},
		{[]string{choiceNone, "lcc"}, false}, {[]string{choiceSkip, "lcc"}, false}, {[]string{choiceNA, "lcc"}, false},
	} {
		if err := checkMulti(nb, tt.in); (err == nil) != tt.ok {
			t.Errorf("checkMulti(%q) = %v", tt.in, err)
		}
	}
}

func TestPlanQuestions(t *testing.T) {
	q := miniQuestionnaire(t)
	a := checkedAnswers(t, q, "  styring-plan: 3\n  bygg-ombruk:\n    comment: Vet ikke\n")
	bad, _ := assessment.ParseAnswers("svar.yaml", []byte("kind: answers\nanswers: {styring-budsjett: 7}\n"))
	a.Answers.Set("styring-budsjett", bad.Answers.ByID["styring-budsjett"])
	var got []string
	for _, it := range planQuestions(q, a, []string{"styring", "bygg"}, false) {
		got = append(got, it.Question.ID)
	}
	// Answered questions are skipped; an invalid answer or a comment alone
	// does not count as answered.
	want := []string{"styring-budsjett", "styring-merknad", "bygg-ombruk", "bygg-krav", "bygg-rolle"}
	if !slices.Equal(got, want) {
		t.Errorf("plan = %v, want %v", got, want)
	}
	items := planQuestions(q, a, []string{"bygg"}, true)
	if len(items) != 3 || items[0].AreaNum != 1 || items[0].AreaCount != 1 || items[2].Num != 3 || items[2].Count != 3 {
		t.Errorf("review of one area: %+v", items)
	}
}

func TestResolveMunicipality(t *testing.T) {
	for _, tt := range []struct{ in, number, err string }{
		{"3440", "3440", ""},
		{" øyer ", "3440", ""},
		{"Øye", "3440", ""},
		{"34", "34", ""},
		{"øy", "", "passer med flere kommuner"},
		{"Herøy", "", "Herøy (Møre og Romsdal) (1515"},
		{"9999", "", "er ikke et kommunenummer"},
		{"Atlantis", "", "fant ingen kommune"},
		{"", "", "skriv kommunenummeret"},
	} {
		m, err := resolveMunicipality(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("resolveMunicipality(%q) = %v, %v; want error with %q", tt.in, m, err, tt.err)
			}
			continue
		}
		if err != nil || m.Number != tt.number {
			t.Errorf("resolveMunicipality(%q) = %v, %v; want %s", tt.in, m, err, tt.number)
		}
	}
}

func TestMunicipalityOptions(t *testing.T) {
	opts := municipalityOptions(nb, "")
	keys := optionKeys(opts)
	i := slices.Index(keys, "Øyer – 3440, Innlandet")
	if i < 0 {
		t.Fatalf("Øyer missing")
	}
	// Alphabetical, with æ, ø, å last, as a Norwegian reader expects.
	if j := slices.Index(keys, "Ørland – 5057, Trøndelag - Trööndelage"); j < 0 || j > i {
		t.Errorf("Ørland at %d, Øyer at %d", j, i)
	}
	// The fylkeskommuner come after the kommuner, labelled as such.
	if k := slices.Index(keys, "Innlandet fylkeskommune – 34"); k < 357 {
		t.Errorf("county at %d", k)
	}
	if !strings.HasPrefix(keys[356], "Å") || !strings.HasPrefix(keys[len(keys)-1], "Østfold fylkeskommune") {
		t.Errorf("last kommune %q, last option %q", keys[356], keys[len(keys)-1])
	}
	if len(opts) < 357 {
		t.Errorf("only %d options", len(opts))
	}
}

// The picker lists the best matches first, as register.Search ranks them:
// the prompt's own example «øy» shows Øyer on its first line, not 28
// municipalities down an alphabetical list.
func TestMunicipalityOptionsRanked(t *testing.T) {
	for _, tt := range []struct{ query, first string }{
		{"øy", "Øyer – 3440, Innlandet"},
		{"Øyer", "Øyer – 3440, Innlandet"},
		{"3440", "Øyer – 3440, Innlandet"},
		{"bø", "Bø – 1867, Nordland"},
		{"innlandet", "Innlandet fylkeskommune – 34"},
	} {
		keys := optionKeys(municipalityOptions(nb, tt.query))
		if len(keys) == 0 || !strings.HasPrefix(keys[0], tt.first) {
			t.Errorf("%q: first %q, want %q (of %d)", tt.query, keys[:min(3, len(keys))], tt.first, len(keys))
		}
	}
	// Kommuner whose name starts with the text come before those that
	// only contain it.
	keys := optionKeys(municipalityOptions(nb, "øy"))
	if i, j := slices.IndexFunc(keys, func(k string) bool { return strings.HasPrefix(k, "Øygarden") }), slices.IndexFunc(keys, func(k string) bool { return strings.HasPrefix(k, "Fløy") || strings.Contains(k, "røy") }); i < 0 || j >= 0 && j < i {
		t.Errorf("Øygarden at %d, a substring match at %d", i, j)
	}
	// No match: one line that says what to do, with no value to choose.
	none := municipalityOptions(nb, "xyzzy")
	if len(none) != 1 || none[0].Value != "" || !strings.Contains(none[0].Key, "shift+tab") {
		t.Errorf("no match: %+v", none)
	}
}

func TestNorwegianKeyHelp(t *testing.T) {
	k, kn := assessKeyMap(nb), assessKeyMap(nn)
	for _, b := range [][2]string{
		{k.Select.Next.Help().Desc, "velg"},
		{k.Input.Submit.Help().Desc, "lagre"},
		{k.MultiSelect.Toggle.Help().Desc, "velg/fjern"},
		{k.Text.NewLine.Help().Desc, "ny linje"},
		{kn.Select.Next.Help().Desc, "vel"},
		{kn.MultiSelect.Toggle.Help().Desc, "vel/fjern"},
		{kn.MultiSelect.Next.Help().Desc, "stadfest"},
		{kn.Select.Right.Help().Desc, "høgre"},
	} {
		if b[0] != b[1] {
			t.Errorf("help %q, want %q", b[0], b[1])
		}
	}
}
