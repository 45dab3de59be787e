package session

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/cellbuf"
	"github.com/sirkel/sirkel/assessment"
)

// Choice values besides a question's own; the colon cannot occur in an id.
const (
	choiceNA   = ":na"
	choiceSkip = ":skip"
	choiceNone = ":none" // multi: none of the options
	// choiceDontKnow is «Vet ikke»; in a select it is the answer's own
	// spelling, which ParseValue reads.
	choiceDontKnow = assessment.DontKnowText
	multiDontKnow  = ":vet-ikke"
)

// questionItem is one question to ask, with its place for the progress text.
type questionItem struct {
	Area      *assessment.Area
	AreaNum   int // 1-based among the areas being answered
	AreaCount int
	Question  *assessment.Question
	Num       int // 1-based within its area
	Count     int // questions in the area
}

// answerValue reads the answer in the file to a question, as every command
// reads it; an invalid answer counts as none, and the question is asked
// again.
func answerValue(q *assessment.Questionnaire, a *assessment.Answers, qu *assessment.Question) assessment.Value {
	ans, ok := a.Answers.Get(qu.ID)
	if !ok || !ans.Answered() {
		return assessment.Value{}
	}
	v, msg := assessment.ParseValue(q, qu, ans.Raw())
	if msg != "" {
		return assessment.Value{}
	}
	return v
}

// isAnswered reports whether a question has an answer that counts.
func isAnswered(q *assessment.Questionnaire, a *assessment.Answers, qu *assessment.Question) bool {
	return answerValue(q, a, qu).Kind != assessment.ValueNone
}

// planQuestions lists the questions to ask, area by area in questionnaire
// order: all questions of the chosen areas with review, else those not yet
// answered.
func planQuestions(q *assessment.Questionnaire, a *assessment.Answers, areas []string, review bool) []questionItem {
	var items []questionItem
	for i, id := range areas {
		ar, ok := q.Area(id)
		if !ok {
			continue
		}
		for j := range ar.Questions {
			qu := &ar.Questions[j]
			if !review && isAnswered(q, a, qu) {
				continue
			}
			items = append(items, questionItem{
				Area: ar, AreaNum: i + 1, AreaCount: len(areas),
				Question: qu, Num: j + 1, Count: len(ar.Questions),
			})
		}
	}
	return items
}

// formOptions tune the fields built for a question.
type formOptions struct {
	accessible bool
	// width and height are the terminal's, when known: a help text that
	// would push the answers below the screen is shortened.
	width, height int
	// atEOF reports whether the input has ended (accessible mode). huh
	// re-prompts while a field does not validate, which at end of input
	// would loop for ever; validation gives up instead.
	atEOF func() bool
}

func (o formOptions) validator(check func() error) error {
	if o.atEOF != nil && o.atEOF() {
		return nil
	}
	return check()
}

// questionForm holds the fields of one question and the values they fill.
type questionForm struct {
	q        *assessment.Questionnaire
	item     questionItem
	prev     *assessment.Answer // the answer in the file, if any
	prevVal  assessment.Value   // and what it means
	note     *huh.Note          // accessible mode: progress, step, tier, help, what to type
	field    huh.Field          // the answer
	comment  *huh.Input
	evidence *huh.Input
	options  []huh.Option[string] // of the select or multi-select

	choice       string   // scale, yesno, choice
	choices      []string // multi
	text         string   // number, text
	commentText  string
	evidenceText string // several separated by «;»
	// need is the height of the answer page at a width (terminal UI).
	need func(width int) int
}

// cutNote ends a help text shortened to fit the terminal.
const cutNote = "… (forkortet: gjør vinduet høyere for å lese hele hjelpeteksten)"

// textRows is how many rows huh wraps s into at width w.
func textRows(s string, w int) int {
	if strings.TrimSpace(s) == "" {
		return 0
	}
	return lipgloss.Height(cellbuf.Wrap(s, max(w, 1), ",.-; "))
}

// fitText shortens s to at most rows rows at width w, saying so on its last
// row; with no room at all it is left out.
func fitText(s string, w, rows int) string {
	if textRows(s, w) <= rows {
		return s
	}
	if rows < 1 {
		return ""
	}
	lines := strings.Split(cellbuf.Wrap(s, max(w, 1), ",.-; "), "\n")
	return strings.Join(append(lines[:rows-1:rows-1], cutNote), "\n")
}

// page is the question as one page of the terminal UI. The progress is
// the group's title, which huh keeps in view when the page is taller than
// the terminal; its first line is empty because huh draws such a page one
// line too tall, and the terminal then loses the top line.
func (f *questionForm) page(q *assessment.Questionnaire) *huh.Group {
	return huh.NewGroup(f.field).
		Title("\n" + progressText(f.item)).
		Description(stepTierText(q, f.item.Question))
}

// followUp asks for the comment and, when the question was answered, the
// evidence; in the terminal UI as a page of its own that says what was
// answered and whether it is saved.
func (f *questionForm) followUp(q *assessment.Questionnaire, a *assessment.Answers, saved bool) *huh.Group {
	fields := []huh.Field{f.comment}
	ans := f.answer()
	if ans.Answered() {
		fields = append(fields, f.evidence)
	}
	g := huh.NewGroup(fields...)
	if f.note == nil { // the terminal UI; accessible mode has a note
		what := "Hoppet over."
		if ans.Answered() {
			what = "Svar: " + describeAnswer(q, f.item.Question, ans) + "."
		}
		switch {
		case !saved:
			what += " Svaret er ikke lagret ennå (se over); det lagres ved neste svar."
		case ans.Answered():
			what += " Svaret er lagret."
		}
		g.Title("\n" + progressText(f.item)).Description(f.item.Question.Text.String() + "\n" + what)
	}
	return g
}

// buildQuestionForm makes the fields for one question, with the answer
// already in the file preselected. It needs no terminal.
func buildQuestionForm(q *assessment.Questionnaire, it questionItem, prev *assessment.Answer, opt formOptions) *questionForm {
	qu := it.Question
	f := &questionForm{q: q, item: it, prev: prev}
	if prev != nil {
		f.commentText = prev.Comment
		if prev.Answered() {
			f.prevVal, _ = assessment.ParseValue(q, qu, prev.Raw())
		}
	}
	has := f.prevVal.Kind != assessment.ValueNone
	help := strings.TrimSpace(qu.Help.String())

	var what string // what to type, in accessible mode
	// The field's description in the terminal UI, how it is set, and the
	// rows of the field below it (the options when 0).
	var desc string
	var setDesc func(string)
	var bodyRows int
	switch t := qu.EffectiveType(); t {
	case assessment.TypeScale, assessment.TypeYesNo, assessment.TypeChoice:
		f.options = selectOptions(q, qu, has, opt.accessible)
		f.choice = currentChoice(qu, f.prevVal)
		markCurrent(f.options, f.choice)
		if f.choice == "" && opt.accessible {
			f.choice = choiceSkip // an empty line skips
		}
		sel := huh.NewSelect[string]().Title(qu.Text.String()).Options(f.options...).Value(&f.choice)
		desc, setDesc = help, func(d string) { sel.Description(d) }
		f.field = sel
		what = "Skriv nummeret foran svaret. " + emptyLine(has)
		if t == assessment.TypeScale {
			what = "Skriv nummeret foran svaret i listen, ikke skalaverdien" + scaleExample(q) + ". " + emptyLine(has)
		}
	case assessment.TypeMulti:
		f.options = multiOptions(qu, has)
		f.choices = currentChoices(f.prevVal)
		ms := huh.NewMultiSelect[string]().Title(qu.Text.String()).Options(f.options...).Value(&f.choices).Filterable(false).
			Validate(func(v []string) error {
				return opt.validator(func() error {
					if opt.accessible && len(v) == 0 {
						return nil // «0» with nothing chosen skips, as the note says
					}
					return checkMulti(v)
				})
			})
		desc = joinNonEmpty("\n\n", help, "Velg med mellomrom eller x, og trykk Enter når du er ferdig.")
		setDesc = func(d string) { ms.Description(d) }
		f.field = ms
		what = "Skriv nummeret foran et alternativ for å velge eller fjerne det, og 0 når du er ferdig. 0 uten noe valgt hopper over."
		if has {
			what = "Skriv nummeret foran et alternativ for å velge eller fjerne det, og 0 når du er ferdig. 0 med en gang beholder svaret."
		}
	case assessment.TypeNumber:
		if has {
			f.text = strings.TrimSpace(prev.Scalar)
		}
		title := qu.Text.String()
		if qu.Unit != "" {
			title += " (" + qu.Unit + ")"
		}
		in := huh.NewInput().Title(title).Value(&f.text).
			Validate(func(s string) error { return opt.validator(func() error { return checkNumber(q, qu, s) }) })
		what = "Skriv et tall, for eksempel 42 eller 42,5, eller «vet ikke»."
		if qu.NAAllowed() {
			what += " «na»: ikke relevant."
		}
		in.Placeholder("tomt = hopp over")
		desc = joinNonEmpty("\n\n", help, what+" Et tomt felt hopper over spørsmålet.")
		setDesc, bodyRows = func(d string) { in.Description(d) }, 1
		what += " " + emptyLine(has)
		f.field = in
	case assessment.TypeText:
		if has {
			f.text = prev.Scalar
		}
		if opt.accessible {
			// huh's accessible text prompt reads one line anyway.
			f.field = huh.NewInput().Title(qu.Text.String()).Value(&f.text)
		} else {
			tx := huh.NewText().Title(qu.Text.String()).Value(&f.text).Lines(3)
			desc = joinNonEmpty("\n\n", help, "Et tomt felt hopper over spørsmålet. Alt+Enter gir ny linje.")
			setDesc, bodyRows = func(d string) { tx.Description(d) }, 3
			f.field = tx
		}
		what = "Skriv svaret på én linje. " + emptyLine(has)
	}

	if !opt.accessible && setDesc != nil {
		fixed := func(w int) int {
			rows := 1 + textRows(progressText(it), w) + textRows(stepTierText(q, qu), w) + textRows(qu.Text.String(), w-2) + bodyRows + 2
			if bodyRows == 0 {
				for _, o := range f.options {
					rows += textRows(o.Key, w-6)
				}
			}
			return rows
		}
		if opt.width > 0 && opt.height > 0 {
			desc = fitText(desc, opt.width-2, opt.height-fixed(opt.width))
		}
		if desc != "" {
			setDesc(desc)
		}
		f.need = func(w int) int { return fixed(w) + textRows(desc, w-2) }
	}
	if opt.accessible {
		// huh prints no group titles and no field descriptions in
		// accessible mode: everything around the question goes here.
		then := " Så kommer kommentaren og, når du har svart, dokumentasjonen (skill flere med «;»): skriv, eller gi en tom linje."
		f.note = huh.NewNote().Title(progressText(it)).Description(joinNonEmpty("\n", stepTierText(q, qu), help, what+then))
	}

	f.comment = huh.NewInput().Title(promptTitle("Kommentar (valgfritt)", opt.accessible)).Value(&f.commentText)
	if prev != nil {
		f.evidenceText = strings.Join(prev.Evidence, assessment.ListSep+" ")
	}
	f.evidence = huh.NewInput().Title(promptTitle("Dokumentasjon (valgfritt)", opt.accessible)).Value(&f.evidenceText)
	if !opt.accessible {
		f.comment.Placeholder("for eksempel hvor svaret kommer fra")
		f.evidence.Description("Saksnummer, lenke eller dokument som viser svaret; skill flere med «;».").
			Placeholder("for eksempel sak 2025/123; https://…")
	}
	return f
}

// promptTitle ends an input's title with a colon in accessible mode, where
// it is the prompt the answer is typed after.
func promptTitle(s string, accessible bool) string {
	if accessible {
		return s + ":"
	}
	return s
}

// progressText says where a question stands: area k of n, question i of m.
func progressText(it questionItem) string {
	return fmt.Sprintf("Område %d av %d: %s · spørsmål %d av %d", it.AreaNum, it.AreaCount, it.Area.Name, it.Num, it.Count)
}

// stepTierText names a question's step and tier, «» when it has none.
func stepTierText(q *assessment.Questionnaire, qu *assessment.Question) string {
	var parts []string
	if st, ok := q.StepByID(qu.Step); ok && qu.Step != 0 {
		parts = append(parts, fmt.Sprintf("Trinn %d: %s", st.ID, st.Name))
	}
	if ti, ok := q.TierByID(qu.Tier); ok && qu.Tier != "" {
		parts = append(parts, fmt.Sprintf("Tiltaksnivå %s: %s", ti.ID, ti.Name))
	}
	return strings.Join(parts, " · ")
}

func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return strings.TrimSpace(s) == "" }), sep)
}

// emptyLine says what an empty line does in accessible mode.
func emptyLine(has bool) string {
	if has {
		return "Tom linje: behold svaret."
	}
	return "Tom linje: hopp over."
}

func skipLabel(has bool) string {
	if has {
		return "Hopp over (behold svaret)"
	}
	return "Hopp over (la stå ubesvart)"
}

// selectOptions are the answers of a scale, yesno or choice question, then
// «Vet ikke», «Ikke relevant» where allowed and «Hopp over». Scale options carry their
// descriptions in accessible mode, where a screen reader reads them in
// full; the terminal UI shows the label and the value, as the questions'
// help texts name them («Planlagt (1)»), and the intro shows the scale with
// its descriptions once: with them on every page, a question with a long
// help text no longer fits an 80×24 terminal.
func selectOptions(q *assessment.Questionnaire, qu *assessment.Question, has, accessible bool) []huh.Option[string] {
	var opts []huh.Option[string]
	switch qu.EffectiveType() {
	case assessment.TypeScale:
		for _, p := range q.Scale {
			key := fmt.Sprintf("%s (%s)", p.Label, formatNumber(*p.Value))
			if accessible {
				// No value here: huh numbers the options from 1, and a scale
				// value beside the number would be typed instead of it.
				key = joinNonEmpty(" – ", p.Label.String(), strings.TrimSpace(p.Description.String()))
			}
			opts = append(opts, huh.NewOption(key, formatNumber(*p.Value)))
		}
	case assessment.TypeYesNo:
		opts = append(opts, huh.NewOption("Ja", "ja"), huh.NewOption("Nei", "nei"))
	case assessment.TypeChoice:
		for _, o := range qu.Options {
			opts = append(opts, huh.NewOption(o.Label.String(), o.ID))
		}
	}
	opts = append(opts, huh.NewOption(assessment.DontKnowLabel, choiceDontKnow))
	if qu.NAAllowed() {
		opts = append(opts, huh.NewOption(assessment.NALabel, choiceNA))
	}
	return append(opts, huh.NewOption(skipLabel(has), choiceSkip))
}

// currentMark names the answer in the file among the options, in words:
// the cursor's mark moves, and bold or colour is not seen by everyone.
const currentMark = " ← svaret nå"

func markCurrent(opts []huh.Option[string], current string) {
	for i := range opts {
		if current != "" && opts[i].Value == current {
			opts[i].Key += currentMark
		}
	}
}

// multiOptions are a multi question's options, then «Ingen av disse»,
// «Vet ikke», «Ikke relevant» where allowed and «Hopp over»: choosing nothing is an
// answer (it scores 0), so it must be chosen on purpose.
func multiOptions(qu *assessment.Question, has bool) []huh.Option[string] {
	var opts []huh.Option[string]
	for _, o := range qu.Options {
		opts = append(opts, huh.NewOption(o.Label.String(), o.ID))
	}
	opts = append(opts, huh.NewOption("Ingen av disse", choiceNone), huh.NewOption(assessment.DontKnowLabel, multiDontKnow))
	if qu.NAAllowed() {
		opts = append(opts, huh.NewOption(assessment.NALabel, choiceNA))
	}
	return append(opts, huh.NewOption(skipLabel(has), choiceSkip))
}

func checkMulti(v []string) error {
	if len(v) == 0 {
		return errors.New("velg minst ett alternativ, «Ingen av disse» eller «Hopp over»")
	}
	for _, special := range []struct{ value, label string }{{choiceNone, "Ingen av disse"}, {multiDontKnow, assessment.DontKnowLabel}, {choiceNA, assessment.NALabel}, {choiceSkip, "Hopp over"}} {
		if slices.Contains(v, special.value) && len(v) > 1 {
			return fmt.Errorf("«%s» kan ikke kombineres med andre valg", special.label)
		}
	}
	return nil
}

// checkNumber refuses what ParseValue refuses, with its message.
func checkNumber(q *assessment.Questionnaire, qu *assessment.Question, s string) error {
	if _, msg := assessment.ParseValue(q, qu, assessment.Raw{Text: s}); msg != "" {
		return errors.New(msg)
	}
	return nil
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// currentChoice is the select value of an answer, "" when none.
func currentChoice(qu *assessment.Question, v assessment.Value) string {
	switch v.Kind {
	case assessment.ValueNone:
		return ""
	case assessment.ValueNA:
		return choiceNA
	case assessment.ValueDontKnow:
		return choiceDontKnow
	}
	switch qu.EffectiveType() {
	case assessment.TypeScale:
		return formatNumber(v.Number)
	case assessment.TypeYesNo:
		if v.Number == 1 {
			return "ja"
		}
		return "nei"
	case assessment.TypeChoice:
		if len(v.Options) == 1 {
			return v.Options[0]
		}
	}
	return ""
}

func currentChoices(v assessment.Value) []string {
	switch {
	case v.Kind == assessment.ValueNone:
		return nil
	case v.Kind == assessment.ValueNA:
		return []string{choiceNA}
	case v.Kind == assessment.ValueDontKnow:
		return []string{multiDontKnow}
	case len(v.Options) == 0:
		return []string{choiceNone}
	}
	return slices.Clone(v.Options)
}

// answer returns the answer the fields hold: the new answer, the previous
// one when the question was skipped, or nil when there is nothing to keep.
func (f *questionForm) answer() *assessment.Answer {
	qu := f.item.Question
	var raw assessment.Raw
	switch qu.EffectiveType() {
	case assessment.TypeScale, assessment.TypeYesNo, assessment.TypeChoice:
		switch f.choice {
		case choiceSkip:
		case choiceNA:
			raw.Text = assessment.NAText
		default:
			raw.Text = f.choice
		}
	case assessment.TypeMulti:
		switch {
		case len(f.choices) == 0 || slices.Contains(f.choices, choiceSkip):
		case slices.Contains(f.choices, choiceNA):
			raw.Text = assessment.NAText
		case slices.Contains(f.choices, multiDontKnow):
			raw.Text = assessment.DontKnowText
		case slices.Contains(f.choices, choiceNone):
			raw = assessment.Raw{IsList: true, List: []string{}}
		default:
			raw = assessment.Raw{IsList: true, List: f.choices}
		}
	default:
		raw.Text = strings.TrimSpace(f.text)
	}
	// What was typed or chosen is read as a file's answer would be; what
	// cannot be read (the field validated it already) keeps the old answer.
	v, msg := assessment.ParseValue(f.q, qu, raw)
	var ans *assessment.Answer
	switch {
	case msg != "" || v.Kind == assessment.ValueNone:
		if f.prev != nil && f.prev.Answered() {
			c := *f.prev
			ans = &c
		} else {
			ans = &assessment.Answer{Empty: true}
		}
	default:
		if qu.EffectiveType() == assessment.TypeMulti {
			// In the questionnaire's order, however they were ticked.
			slices.SortFunc(v.Options, func(a, b string) int { return qu.OptionIndex(a) - qu.OptionIndex(b) })
		}
		ans = assessment.NewAnswer(qu, v)
	}
	ans.Comment = strings.TrimSpace(f.commentText)
	ans.Evidence = nil
	if ans.Answered() {
		ans.Evidence = splitEvidence(f.evidenceText)
	}
	if ans.Empty && ans.Comment == "" {
		return nil
	}
	return ans
}

// splitEvidence reads evidence typed on one line, several separated by «;».
func splitEvidence(s string) []string {
	var out []string
	for e := range strings.SplitSeq(s, assessment.ListSep) {
		if e = strings.TrimSpace(e); e != "" && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// describeAnswer says an answer in words, for the line printed after it.
func describeAnswer(q *assessment.Questionnaire, qu *assessment.Question, a *assessment.Answer) string {
	if a == nil || !a.Answered() {
		return "hoppet over"
	}
	v, _ := assessment.ParseValue(q, qu, a.Raw())
	switch {
	case v.Kind == assessment.ValueGiven && qu.EffectiveType() == assessment.TypeScale:
		// The label only: in accessible mode the options are numbered
		// from 1, and a scale value beside it would read as that number.
		return q.ScaleLabel(v.Number)
	case v.Kind == assessment.ValueGiven && qu.EffectiveType() == assessment.TypeText:
		return "«" + truncate(strings.Join(strings.Fields(v.Text), " "), 40) + "»"
	case v.Kind == assessment.ValueGiven && qu.EffectiveType() == assessment.TypeMulti && len(v.Options) == 0:
		return "ingen av disse"
	}
	if v.Kind != assessment.ValueGiven || qu.EffectiveType() == assessment.TypeYesNo {
		return strings.ToLower(assessment.Label(q, qu, v)) // «ja», «ikke relevant»
	}
	return assessment.Label(q, qu, v)
}

// assessTheme is huh's base theme with readable contrast: titles bold in
// the terminal's own foreground colour, descriptions and options not dimmed,
// and only the cursor and selection marks in colour (they also differ in
// shape, so colour never carries meaning alone).
func assessTheme() *huh.Theme {
	t := huh.ThemeBase()
	accent := lipgloss.AdaptiveColor{Light: "4", Dark: "12"} // blue
	bold := lipgloss.NewStyle().Bold(true)
	t.Focused.Base = t.Focused.Base.BorderForeground(accent)
	t.Focused.Card = t.Focused.Base
	t.Focused.Title = bold
	t.Focused.NoteTitle = bold
	t.Focused.Description = lipgloss.NewStyle()
	t.Focused.ErrorIndicator = t.Focused.ErrorIndicator.Bold(true)
	t.Focused.ErrorMessage = t.Focused.ErrorMessage.Bold(true)
	t.Focused.SelectSelector = t.Focused.SelectSelector.Foreground(accent).Bold(true)
	t.Focused.MultiSelectSelector = t.Focused.MultiSelectSelector.Foreground(accent).Bold(true)
	t.Focused.NextIndicator = t.Focused.NextIndicator.Foreground(accent)
	t.Focused.PrevIndicator = t.Focused.PrevIndicator.Foreground(accent)
	t.Focused.SelectedOption = bold
	t.Focused.SelectedPrefix = t.Focused.SelectedPrefix.Foreground(accent).Bold(true)
	t.Focused.TextInput.Prompt = t.Focused.TextInput.Prompt.Foreground(accent)
	t.Focused.TextInput.Cursor = t.Focused.TextInput.Cursor.Foreground(accent)
	t.Focused.TextInput.Placeholder = lipgloss.NewStyle().Italic(true)
	t.Focused.FocusedButton = t.Focused.FocusedButton.Foreground(lipgloss.Color("15")).Background(lipgloss.Color("4")).Bold(true)

	t.Blurred = t.Focused
	t.Blurred.Base = t.Blurred.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Card = t.Blurred.Base
	t.Blurred.Title = lipgloss.NewStyle()
	t.Blurred.SelectSelector = lipgloss.NewStyle().SetString("› ") // the choice, in shape
	t.Blurred.MultiSelectSelector = lipgloss.NewStyle().SetString("  ")
	t.Blurred.NextIndicator = lipgloss.NewStyle()
	t.Blurred.PrevIndicator = lipgloss.NewStyle()

	t.Group.Title = bold
	t.Group.Description = lipgloss.NewStyle()
	return t
}

// assessKeyMap is huh's key map with Norwegian help texts.
func assessKeyMap() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Input.AcceptSuggestion.SetHelp("ctrl+e", "fullfør")
	k.Input.Prev.SetHelp("shift+tab", "tilbake")
	k.Input.Next.SetHelp("enter", "neste")
	k.Input.Submit.SetHelp("enter", "lagre")

	k.Text.Prev.SetHelp("shift+tab", "tilbake")
	k.Text.Next.SetHelp("enter", "neste")
	k.Text.Submit.SetHelp("enter", "lagre")
	k.Text.NewLine.SetHelp("alt+enter", "ny linje")
	k.Text.Editor.SetHelp("ctrl+e", "åpne i editor")

	k.Select.Prev.SetHelp("shift+tab", "tilbake")
	k.Select.Next.SetHelp("enter", "velg")
	k.Select.Submit.SetHelp("enter", "velg")
	k.Select.Up.SetHelp("↑", "opp")
	k.Select.Down.SetHelp("↓", "ned")
	k.Select.Left.SetHelp("←", "venstre")
	k.Select.Right.SetHelp("→", "høyre")
	k.Select.Filter.SetHelp("/", "søk")
	k.Select.Filter.SetEnabled(false) // only the municipality is searched
	k.Select.SetFilter.SetHelp("esc", "bruk søket")
	k.Select.ClearFilter.SetHelp("esc", "tøm søket")
	k.Select.HalfPageUp.SetHelp("ctrl+u", "½ side opp")
	k.Select.HalfPageDown.SetHelp("ctrl+d", "½ side ned")
	k.Select.GotoTop.SetHelp("home", "første")
	k.Select.GotoBottom.SetHelp("end", "siste")

	k.MultiSelect.Prev.SetHelp("shift+tab", "tilbake")
	k.MultiSelect.Next.SetHelp("enter", "bekreft")
	k.MultiSelect.Submit.SetHelp("enter", "bekreft")
	k.MultiSelect.Toggle.SetHelp("mellomrom", "velg/fjern")
	k.MultiSelect.Up.SetHelp("↑", "opp")
	k.MultiSelect.Down.SetHelp("↓", "ned")
	k.MultiSelect.Filter.SetHelp("/", "søk")
	k.MultiSelect.Filter.SetEnabled(false)
	k.MultiSelect.SetFilter.SetHelp("esc", "bruk søket")
	k.MultiSelect.ClearFilter.SetHelp("esc", "tøm søket")
	k.MultiSelect.HalfPageUp.SetHelp("ctrl+u", "½ side opp")
	k.MultiSelect.HalfPageDown.SetHelp("ctrl+d", "½ side ned")
	k.MultiSelect.GotoTop.SetHelp("home", "første")
	k.MultiSelect.GotoBottom.SetHelp("end", "siste")
	k.MultiSelect.SelectAll.SetHelp("ctrl+a", "velg alle")
	k.MultiSelect.SelectNone.SetHelp("ctrl+a", "fjern alle")

	k.Note.Prev.SetHelp("shift+tab", "tilbake")
	k.Note.Next.SetHelp("enter", "neste")
	k.Note.Submit.SetHelp("enter", "videre")

	k.Confirm.Prev.SetHelp("shift+tab", "tilbake")
	k.Confirm.Next.SetHelp("enter", "neste")
	k.Confirm.Submit.SetHelp("enter", "videre")
	k.Confirm.Toggle.SetHelp("←/→", "bytt")
	k.Confirm.Accept.SetHelp("y", "ja")
	k.Confirm.Reject.SetHelp("n", "nei")
	return k
}

// scaleExample names one scale label with its list number, since huh
// numbers from 1 while a scale usually starts at 0: «Etablert (3)» in the
// help texts is number 4 in the list.
func scaleExample(q *assessment.Questionnaire) string {
	i := max(0, len(q.Scale)-2)
	p := q.Scale[i]
	if *p.Value == float64(i+1) {
		return "" // the numbers coincide: nothing to confuse
	}
	return fmt.Sprintf(": «%s» (%s) er nummer %d", p.Label, formatNumber(*p.Value), i+1)
}
