package session

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/cellbuf"
	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// Choice values besides a question's own; the colon cannot occur in an id.
const (
	choiceNA   = ":na"
	choiceSkip = ":skip"
	choiceNone = ":none" // multi: none of the options
	// choiceDontKnow is «Vet ikke»; in a select it is the answer's own
	// spelling, which ParseValue reads.
	choiceDontKnow = assessment.DontKnowText
	multiDontKnow  = ":dont-know"
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

// formOptions tune the fields of the terminal UI.
type formOptions struct {
	// width and height are the terminal's, when known: a help text that
	// would push the answers below the screen is shortened.
	width, height int
}

// questionForm is one question being answered: the answer in the file, the
// fields of the terminal UI or the line typed in accessible mode, and the
// comment and evidence.
type questionForm struct {
	p        *lang.Printer
	q        *assessment.Questionnaire
	item     questionItem
	prev     *assessment.Answer // the answer in the file, if any
	prevVal  assessment.Value   // and what it means
	field    huh.Field          // the answer (terminal UI)
	comment  *huh.Input
	evidence *huh.Input
	options  []huh.Option[string] // of the select or multi-select

	choice  string   // scale, yesno, choice
	choices []string // multi
	text    string   // number, text
	// typed is the answer typed in accessible mode, read for the question
	// already; nil in the terminal UI, whose fields hold the answer.
	typed        *assessment.Raw
	commentText  string
	evidenceText string // several separated by «;»
	// need is the height of the answer page at a width (terminal UI).
	need func(width int) int
}

// newQuestionForm holds a question with the answer already in the file;
// the fields of either mode are added to it.
func newQuestionForm(p *lang.Printer, q *assessment.Questionnaire, it questionItem, prev *assessment.Answer) *questionForm {
	f := &questionForm{p: p, q: q, item: it, prev: prev}
	if prev != nil {
		f.commentText = prev.Comment
		f.evidenceText = strings.Join(prev.Evidence, assessment.ListSep+" ")
		if prev.Answered() {
			f.prevVal, _ = assessment.ParseValue(q, it.Question, prev.Raw())
		}
	}
	return f
}

// has reports whether the question has an answer already.
func (f *questionForm) has() bool { return f.prevVal.Kind != assessment.ValueNone }

// cutNote ends a help text shortened to fit the terminal.
func cutNote(p *lang.Printer) string { return p.T("assess-help-cut") }

// textRows is how many rows huh wraps s into at width w.
func textRows(s string, w int) int {
	if strings.TrimSpace(s) == "" {
		return 0
	}
	return lipgloss.Height(cellbuf.Wrap(s, max(w, 1), ",.-; "))
}

// fitText shortens s to at most rows rows at width w, ending its last row
// with note; with no room at all it is left out.
func fitText(s, note string, w, rows int) string {
	if textRows(s, w) <= rows {
		return s
	}
	if rows < 1 {
		return ""
	}
	lines := strings.Split(cellbuf.Wrap(s, max(w, 1), ",.-; "), "\n")
	return strings.Join(append(lines[:rows-1:rows-1], note), "\n")
}

// page is the question as one page of the terminal UI. The progress is
// the group's title, which huh keeps in view when the page is taller than
// the terminal; its first line is empty because huh draws such a page one
// line too tall, and the terminal then loses the top line.
func (f *questionForm) page() *huh.Group {
	return huh.NewGroup(f.field).
		Title("\n" + progressText(f.p, f.item)).
		Description(stepTierText(f.p, f.q, f.item.Question))
}

// followUp asks, in the terminal UI, for the comment and, when the
// question was answered, the evidence, as a page of its own that says what
// was answered and whether it is saved.
func (f *questionForm) followUp(saved bool) *huh.Group {
	fields := []huh.Field{f.comment}
	ans := f.answer()
	if ans.Answered() {
		fields = append(fields, f.evidence)
	}
	what := f.p.T("assess-followup-skipped")
	if ans.Answered() {
		what = f.p.T("assess-followup-answer", "Answer", describeAnswer(f.p, f.q, f.item.Question, ans))
	}
	switch {
	case !saved:
		what = joinNonEmpty(" ", what, f.p.T("assess-followup-unsaved"))
	case ans.Answered():
		what = joinNonEmpty(" ", what, f.p.T("assess-followup-saved"))
	}
	return huh.NewGroup(fields...).Title("\n" + progressText(f.p, f.item)).
		Description(questionText(f.p, f.item.Question) + "\n" + what)
}

// questionText is a question as it is asked, with its unit.
func questionText(p *lang.Printer, qu *assessment.Question) string {
	s := qu.Text.Localize(p)
	if qu.Unit != "" && qu.EffectiveType() == assessment.TypeNumber {
		s = p.T("assess-question-unit", "Question", s, "Unit", qu.Unit)
	}
	return s
}

// buildQuestionForm makes the fields of the terminal UI for one question,
// with the answer already in the file preselected. It needs no terminal.
func buildQuestionForm(p *lang.Printer, q *assessment.Questionnaire, it questionItem, prev *assessment.Answer, opt formOptions) *questionForm {
	qu := it.Question
	f := newQuestionForm(p, q, it, prev)
	has := f.has()
	help := strings.TrimSpace(qu.Help.Localize(p))
	title := questionText(p, qu)

	// The field's description, how it is set, and the rows of the field
	// below it (the options when 0).
	var desc string
	var setDesc func(string)
	var bodyRows int
	switch qu.EffectiveType() {
	case assessment.TypeScale, assessment.TypeYesNo, assessment.TypeChoice:
		f.options = selectOptions(p, q, qu, has)
		f.choice = currentChoice(qu, f.prevVal)
		markCurrent(p, f.options, f.choice)
		sel := huh.NewSelect[string]().Title(title).Options(f.options...).Value(&f.choice)
		desc, setDesc = help, func(d string) { sel.Description(d) }
		f.field = sel
	case assessment.TypeMulti:
		f.options = multiOptions(p, qu, has)
		f.choices = currentChoices(f.prevVal)
		ms := huh.NewMultiSelect[string]().Title(title).Options(f.options...).Value(&f.choices).Filterable(false).
			Validate(func(v []string) error { return checkMulti(p, v) })
		desc = joinNonEmpty("\n\n", help, p.T("assess-tui-multi-help"))
		setDesc = func(d string) { ms.Description(d) }
		f.field = ms
	case assessment.TypeNumber:
		if has {
			f.text = strings.TrimSpace(prev.Scalar)
		}
		in := huh.NewInput().Title(title).Value(&f.text).
			Validate(func(s string) error { return checkNumber(p, q, qu, s) })
		na := lang.Msg{}
		if qu.NAAllowed() {
			na = lang.M("assess-tui-number-na")
		}
		in.Placeholder(p.T("assess-tui-empty-skips-short"))
		desc = joinNonEmpty("\n\n", help, p.T("assess-tui-number-help", "NA", na))
		setDesc, bodyRows = func(d string) { in.Description(d) }, 1
		f.field = in
	case assessment.TypeText:
		if has {
			f.text = prev.Scalar
		}
		tx := huh.NewText().Title(title).Value(&f.text).Lines(3)
		desc = joinNonEmpty("\n\n", help, p.T("assess-tui-text-help"))
		setDesc, bodyRows = func(d string) { tx.Description(d) }, 3
		f.field = tx
	}

	fixed := func(w int) int {
		rows := 1 + textRows(progressText(p, it), w) + textRows(stepTierText(p, q, qu), w) + textRows(title, w-2) + bodyRows + 2
		if bodyRows == 0 {
			for _, o := range f.options {
				rows += textRows(o.Key, w-6)
			}
		}
		return rows
	}
	if opt.width > 0 && opt.height > 0 {
		desc = fitText(desc, cutNote(p), opt.width-2, opt.height-fixed(opt.width))
	}
	if desc != "" {
		setDesc(desc)
	}
	f.need = func(w int) int { return fixed(w) + textRows(desc, w-2) }

	f.comment = huh.NewInput().Title(p.T("assess-comment")).Value(&f.commentText).
		Placeholder(p.T("assess-comment-placeholder"))
	f.evidence = huh.NewInput().Title(p.T("assess-evidence")).Value(&f.evidenceText).
		Description(p.T("assess-evidence-help")).
		Placeholder(p.T("assess-evidence-placeholder"))
	return f
}

// progressText says where a question stands: area k of n, question i of m.
func progressText(p *lang.Printer, it questionItem) string {
	return p.T("assess-progress", "Area", it.AreaNum, "Areas", it.AreaCount, "Name", it.Area.Name,
		"Question", it.Num, "Questions", it.Count)
}

// stepTierText names a question's step and tier, «» when it has none.
func stepTierText(p *lang.Printer, q *assessment.Questionnaire, qu *assessment.Question) string {
	var parts []string
	if st, ok := q.StepByID(qu.Step); ok && qu.Step != 0 {
		parts = append(parts, p.T("assess-step", "ID", st.ID, "Name", st.Name))
	}
	if ti, ok := q.TierByID(qu.Tier); ok && qu.Tier != "" {
		parts = append(parts, p.T("assess-tier", "ID", ti.ID, "Name", ti.Name))
	}
	return strings.Join(parts, " · ")
}

func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return strings.TrimSpace(s) == "" }), sep)
}

func skipLabel(p *lang.Printer, has bool) string {
	if has {
		return p.T("assess-skip-keep")
	}
	return p.T("assess-skip")
}

// selectOptions are the answers of a scale, yesno or choice question, then
// «Vet ikke», «Ikke relevant» where allowed and «Hopp over». Scale options
// show the label and the value, as the questions' help texts name them
// («Planlagt (1)»); the intro shows the scale with its descriptions once:
// with them on every page, a question with a long help text no longer
// fits an 80×24 terminal.
func selectOptions(p *lang.Printer, q *assessment.Questionnaire, qu *assessment.Question, has bool) []huh.Option[string] {
	var opts []huh.Option[string]
	switch qu.EffectiveType() {
	case assessment.TypeScale:
		for _, pt := range q.Scale {
			opts = append(opts, huh.NewOption(assessment.ScaleTextIn(p, q, *pt.Value), formatNumber(*pt.Value)))
		}
	case assessment.TypeYesNo:
		opts = append(opts, huh.NewOption(p.T("value-yes"), "ja"), huh.NewOption(p.T("value-no"), "nei"))
	case assessment.TypeChoice:
		for _, o := range qu.Options {
			opts = append(opts, huh.NewOption(o.Label.Localize(p), o.ID))
		}
	}
	opts = append(opts, huh.NewOption(p.T("value-dont-know"), choiceDontKnow))
	if qu.NAAllowed() {
		opts = append(opts, huh.NewOption(p.T("value-na"), choiceNA))
	}
	return append(opts, huh.NewOption(skipLabel(p, has), choiceSkip))
}

// markCurrent names the answer in the file among the options, in words:
// the cursor's mark moves, and bold or colour is not seen by everyone.
func markCurrent(p *lang.Printer, opts []huh.Option[string], current string) {
	for i := range opts {
		if current != "" && opts[i].Value == current {
			opts[i].Key += " " + p.T("assess-current-mark")
		}
	}
}

// multiOptions are a multi question's options, then «Ingen av disse»,
// «Vet ikke», «Ikke relevant» where allowed and «Hopp over»: choosing
// nothing is an answer (it scores 0), so it must be chosen on purpose.
func multiOptions(p *lang.Printer, qu *assessment.Question, has bool) []huh.Option[string] {
	var opts []huh.Option[string]
	for _, o := range qu.Options {
		opts = append(opts, huh.NewOption(o.Label.Localize(p), o.ID))
	}
	opts = append(opts, huh.NewOption(p.T("assess-none-of-these"), choiceNone), huh.NewOption(p.T("value-dont-know"), multiDontKnow))
	if qu.NAAllowed() {
		opts = append(opts, huh.NewOption(p.T("value-na"), choiceNA))
	}
	return append(opts, huh.NewOption(skipLabel(p, has), choiceSkip))
}

func checkMulti(p *lang.Printer, v []string) error {
	if len(v) == 0 {
		return errors.New(p.T("assess-multi-choose-one"))
	}
	for _, special := range []struct {
		value string
		label string
	}{
		{choiceNone, p.T("assess-none-of-these")},
		{multiDontKnow, p.T("value-dont-know")},
		{choiceNA, p.T("value-na")},
		{choiceSkip, p.T("assess-skip-short")},
	} {
		if slices.Contains(v, special.value) && len(v) > 1 {
			return errors.New(p.T("assess-multi-alone", "Option", special.label))
		}
	}
	return nil
}

// checkNumber refuses what ParseValue refuses, with its message.
func checkNumber(p *lang.Printer, q *assessment.Questionnaire, qu *assessment.Question, s string) error {
	if _, msg := assessment.ParseValueMsg(q, qu, assessment.Raw{Text: s}); msg.ID != "" {
		return errors.New(msg.In(p))
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

// raw is the answer the fields hold, or the line typed, as an input holds
// it; ParseValue reads it.
func (f *questionForm) raw() assessment.Raw {
	if f.typed != nil {
		return *f.typed
	}
	var raw assessment.Raw
	switch f.item.Question.EffectiveType() {
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
	return raw
}

// answer returns the answer given: the new answer, the previous one when
// the question was skipped, or nil when there is nothing to keep.
func (f *questionForm) answer() *assessment.Answer {
	qu := f.item.Question
	// What was typed or chosen is read as a file's answer would be; what
	// cannot be read (it was checked already) keeps the old answer.
	v, msg := assessment.ParseValue(f.q, qu, f.raw())
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
func describeAnswer(p *lang.Printer, q *assessment.Questionnaire, qu *assessment.Question, a *assessment.Answer) string {
	if a == nil || !a.Answered() {
		return p.T("assess-described-skipped")
	}
	v, _ := assessment.ParseValue(q, qu, a.Raw())
	switch {
	case v.Kind == assessment.ValueGiven && qu.EffectiveType() == assessment.TypeText:
		return "«" + truncate(strings.Join(strings.Fields(v.Text), " "), 40) + "»"
	case v.Kind == assessment.ValueGiven && qu.EffectiveType() == assessment.TypeMulti && len(v.Options) == 0:
		return p.T("assess-described-none")
	}
	if v.Kind != assessment.ValueGiven || qu.EffectiveType() == assessment.TypeYesNo {
		return strings.ToLower(assessment.LabelIn(p, q, qu, v)) // «ja», «ikke relevant»
	}
	return assessment.LabelIn(p, q, qu, v)
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

// assessKeyMap is huh's key map with help texts in the session's
// language.
func assessKeyMap(p *lang.Printer) *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Input.AcceptSuggestion.SetHelp("ctrl+e", p.T("assess-key-complete"))
	k.Input.Prev.SetHelp("shift+tab", p.T("assess-key-back"))
	k.Input.Next.SetHelp("enter", p.T("assess-key-next"))
	k.Input.Submit.SetHelp("enter", p.T("assess-key-save"))

	k.Text.Prev.SetHelp("shift+tab", p.T("assess-key-back"))
	k.Text.Next.SetHelp("enter", p.T("assess-key-next"))
	k.Text.Submit.SetHelp("enter", p.T("assess-key-save"))
	k.Text.NewLine.SetHelp("alt+enter", p.T("assess-key-newline"))
	k.Text.Editor.SetHelp("ctrl+e", p.T("assess-key-editor"))

	k.Select.Prev.SetHelp("shift+tab", p.T("assess-key-back"))
	k.Select.Next.SetHelp("enter", p.T("assess-key-choose"))
	k.Select.Submit.SetHelp("enter", p.T("assess-key-choose"))
	k.Select.Up.SetHelp("↑", p.T("assess-key-up"))
	k.Select.Down.SetHelp("↓", p.T("assess-key-down"))
	k.Select.Left.SetHelp("←", p.T("assess-key-left"))
	k.Select.Right.SetHelp("→", p.T("assess-key-right"))
	k.Select.Filter.SetHelp("/", p.T("assess-key-filter"))
	k.Select.Filter.SetEnabled(false) // only the municipality is searched
	k.Select.SetFilter.SetHelp("esc", p.T("assess-key-set-filter"))
	k.Select.ClearFilter.SetHelp("esc", p.T("assess-key-clear-filter"))
	k.Select.HalfPageUp.SetHelp("ctrl+u", p.T("assess-key-half-page-up"))
	k.Select.HalfPageDown.SetHelp("ctrl+d", p.T("assess-key-half-page-down"))
	k.Select.GotoTop.SetHelp("home", p.T("assess-key-first"))
	k.Select.GotoBottom.SetHelp("end", p.T("assess-key-last"))

	k.MultiSelect.Prev.SetHelp("shift+tab", p.T("assess-key-back"))
	k.MultiSelect.Next.SetHelp("enter", p.T("assess-key-confirm"))
	k.MultiSelect.Submit.SetHelp("enter", p.T("assess-key-confirm"))
	k.MultiSelect.Toggle.SetHelp(p.T("assess-key-space"), p.T("assess-key-toggle"))
	k.MultiSelect.Up.SetHelp("↑", p.T("assess-key-up"))
	k.MultiSelect.Down.SetHelp("↓", p.T("assess-key-down"))
	k.MultiSelect.Filter.SetHelp("/", p.T("assess-key-filter"))
	k.MultiSelect.Filter.SetEnabled(false)
	k.MultiSelect.SetFilter.SetHelp("esc", p.T("assess-key-set-filter"))
	k.MultiSelect.ClearFilter.SetHelp("esc", p.T("assess-key-clear-filter"))
	k.MultiSelect.HalfPageUp.SetHelp("ctrl+u", p.T("assess-key-half-page-up"))
	k.MultiSelect.HalfPageDown.SetHelp("ctrl+d", p.T("assess-key-half-page-down"))
	k.MultiSelect.GotoTop.SetHelp("home", p.T("assess-key-first"))
	k.MultiSelect.GotoBottom.SetHelp("end", p.T("assess-key-last"))
	k.MultiSelect.SelectAll.SetHelp("ctrl+a", p.T("assess-key-select-all"))
	k.MultiSelect.SelectNone.SetHelp("ctrl+a", p.T("assess-key-select-none"))

	k.Note.Prev.SetHelp("shift+tab", p.T("assess-key-back"))
	k.Note.Next.SetHelp("enter", p.T("assess-key-next"))
	k.Note.Submit.SetHelp("enter", p.T("assess-key-continue"))

	k.Confirm.Prev.SetHelp("shift+tab", p.T("assess-key-back"))
	k.Confirm.Next.SetHelp("enter", p.T("assess-key-next"))
	k.Confirm.Submit.SetHelp("enter", p.T("assess-key-continue"))
	k.Confirm.Toggle.SetHelp("←/→", p.T("assess-key-switch"))
	k.Confirm.Accept.SetHelp("y", p.T("assess-key-yes"))
	k.Confirm.Reject.SetHelp("n", p.T("assess-key-no"))
	return k
}
