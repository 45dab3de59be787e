package answersheet

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

const (
	colorAnswer = "FFF2CC" // light yellow: «fill in here», also said in words
	// extraRespondents is how many empty respondent rows a template offers.
	extraRespondents = 4
	// Excel's limits on a data validation's title and message.
	maxPromptTitle = 32
	maxPrompt      = 255
)

// Options tune Write.
type Options struct {
	// Areas limits the sheet to these area ids; all areas when empty.
	Areas []string
	// From pre-fills the workbook with answers checked against the
	// questionnaire.
	From *assessment.Checked
	// Lang is the written standard of the workbook's sheets, headers,
	// instructions and dropdowns; bokmål when empty. Open reads either.
	Lang lang.Lang
	// Now is the date filled in when From is nil, and the file's stamp.
	Now         time.Time
	ToolVersion string
}

// templateStyles are the styles the answer workbook adds to the shared ones.
type templateStyles struct {
	input, inputDate, inputText, locked int
}

// writer is one workbook being written, in one language.
type writer struct {
	b     *sheet.Book
	ts    templateStyles
	p     *lang.Printer
	q     *assessment.Questionnaire
	lists *dropLists
	// Sheet names as written.
	about, answers, plans, listSheet string
}

// Write writes an answer workbook for q to w.
func Write(w io.Writer, q *assessment.Questionnaire, opt Options) error {
	from := opt.From
	if from == nil {
		from, _ = (&assessment.Answers{Date: assessment.NewDate(opt.Now)}).Check(q, assessment.CheckOptions{})
	}
	p := lang.For(opt.Lang)
	header := from.Answers.Municipality.Name
	if header == "" {
		header = p.T("answersheet-title")
	}
	ref := refString(q.Ref())
	b := sheet.NewIn(opt.Lang, header, p.T("answersheet-footer", "Ref", ref))
	defer b.File.Close()
	wr := &writer{
		b: b, ts: newTemplateStyles(b), p: p, q: q,
		about: sheetAbout.In(p), answers: sheetAnswers.In(p), plans: sheetPlans.In(p), listSheet: sheetLists.In(p),
	}
	wr.lists = &dropLists{w: wr}
	plans := planRows(q, from.Answers)
	b.AddSheet(sheet.Setup{Name: wr.about, Cols: aboutColumns, Portrait: true, NoGrid: true})
	// The id column is for sirkel, not for a person with the printout.
	b.AddSheet(sheet.Setup{Name: wr.answers, Cols: answerColumns(p), HeaderRows: 1, PrintFrom: colArea})
	if len(plans) > 0 {
		b.AddSheet(sheet.Setup{Name: wr.plans, Cols: planColumns(p), HeaderRows: planHeaderRow})
	}
	b.NewSheet(wr.listSheet)
	wr.writeAbout(from.Answers, len(plans) > 0)
	wr.writeAnswers(from, opt.Areas)
	if len(plans) > 0 {
		wr.writePlans(plans, from.Answers.Plans)
	}
	b.Check(b.File.SetSheetVisible(wr.listSheet, false))
	b.File.SetActiveSheet(0)

	title := p.T("answersheet-doc-title", "Title", q.Title.Localize(p))
	b.DocProps(title, ref, p.T("answersheet-doc-description"), opt.ToolVersion, opt.Now)
	b.Check(b.File.SetCustomProps(excelize.CustomProperty{Name: customPropQuestionnaire, Value: ref}))
	if err := b.Err(); err != nil {
		return err
	}
	_, err := b.File.WriteTo(w)
	return err
}

func newTemplateStyles(b *sheet.Book) templateStyles {
	thin := []excelize.Border{{Type: "bottom", Color: sheet.ColorLine, Style: 1}}
	font := &excelize.Font{Family: "Calibri", Size: 11, Color: sheet.ColorInk}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	open := &excelize.Protection{Locked: false}
	return templateStyles{
		input:     b.Style(&excelize.Style{Font: font, Fill: sheet.Solid(colorAnswer), Alignment: wrapTop, Border: thin, Protection: open}),
		inputDate: b.Style(&excelize.Style{Font: font, Fill: sheet.Solid(colorAnswer), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}, Border: thin, Protection: open, CustomNumFmt: new("yyyy-mm-dd")}),
		inputText: b.Style(&excelize.Style{Font: font, Fill: sheet.Solid(colorAnswer), Alignment: wrapTop, Border: thin, Protection: open, NumFmt: 49}),
		locked:    b.Style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Color: sheet.ColorMuted}, Alignment: wrapTop, Border: thin}),
	}
}

func refString(r assessment.QuestionnaireRef) string { return r.ID + "@" + r.Version }

// protect locks a sheet without a password: labels and questions are not
// changed by mistake, but anyone who needs to can lift the protection.
func protect(b *sheet.Book, sh string) {
	b.Check(b.File.ProtectSheet(sh, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}))
}

var aboutColumns = []sheet.Column{{Width: 30}, {Width: 34}, {Width: 26}, {Width: 34}}

// instructions are the numbered steps at the top of the Om sheet; there
// are always seven, so that the cells below stay where they are.
func (w *writer) instructions(withPlans bool) []string {
	p, q := w.p, w.q
	lo, hi := q.ScaleRange()
	first := p.T("answersheet-howto-1")
	if withPlans {
		first = p.T("answersheet-howto-1-plans", "Plans", w.plans)
	}
	return []string{
		first,
		p.T("answersheet-howto-2", "Answers", w.answers, "Answer", headAnswer, "Lo", scaleLabel(p, q, lo), "Hi", scaleLabel(p, q, hi)),
		p.T("answersheet-howto-3", "Help", lang.M("answersheet-col-help")),
		p.T("answersheet-howto-4", "DontKnow", lang.M("value-dont-know"), "NA", lang.M("value-na")),
		p.T("answersheet-howto-5", "Comment", headComment, "By", headBy, "Evidence", headEvidence),
		p.T("answersheet-howto-6", "ID", headID, "Questionnaire", aboutQuestionnaire),
		p.T("answersheet-howto-7"),
	}
}

// writeAbout writes the Om sheet: instructions, who and when, the
// municipality's own targets and the scale.
func (w *writer) writeAbout(from *assessment.Answers, withPlans bool) {
	b, ts, p, q, sh := w.b, w.ts, w.p, w.q, w.about
	width := 30.0 + 34 + 26 + 34
	b.Set(sh, 1, 1, p.T("answersheet-title"), b.Styles.Title)
	b.Check(b.File.SetRowHeight(sh, 1, 28))
	b.Merged(sh, 2, 1, 4, q.Title.Localize(p), b.Styles.Subtitle, width, 11)

	row := 4
	b.Set(sh, 1, row, p.T("answersheet-howto"), b.Styles.Heading)
	for _, line := range w.instructions(withPlans) {
		row++
		b.Merged(sh, row, 1, 4, line, b.Styles.Paragraph, width, 12)
	}

	row += 2
	b.Set(sh, 1, row, p.T("answersheet-about-heading"), b.Styles.Heading)
	row++
	b.Set(sh, 1, row, aboutQuestionnaire.In(p), b.Styles.TextBold)
	b.Set(sh, 2, row, refString(q.Ref()), ts.locked)
	b.Set(sh, 3, row, p.T("answersheet-about-do-not-change"), b.Styles.Note)
	row++
	b.Set(sh, 1, row, aboutName.In(p), b.Styles.TextBold)
	b.Set(sh, 2, row, from.Municipality.Name, ts.input)
	row++
	b.Set(sh, 1, row, aboutNumber.In(p), b.Styles.TextBold)
	b.Set(sh, 2, row, from.Municipality.Number, ts.inputText)
	b.Set(sh, 3, row, p.T("answersheet-about-number-note"), b.Styles.Note)
	row++
	b.Set(sh, 1, row, aboutDate.In(p), b.Styles.TextBold)
	if from.Date.IsSet() {
		b.Set(sh, 2, row, from.Date.Time, ts.inputDate)
	} else {
		b.Set(sh, 2, row, "", ts.inputDate)
	}
	b.Set(sh, 3, row, p.T("answersheet-about-date-note"), b.Styles.Note)

	row += 2
	b.Set(sh, 1, row, p.T("answersheet-respondents-heading"), b.Styles.Heading)
	row++
	respondent := aboutRespondent.In(p)
	b.HeaderRow(sh, row, []sheet.Column{{Title: respondent}, {Title: p.T("answersheet-respondent-name")},
		{Title: p.T("answersheet-respondent-role")}, {Title: p.T("answersheet-respondent-email")}}, b.Styles.Header)
	for i := range len(from.Respondents) + extraRespondents {
		row++
		b.Set(sh, 1, row, respondent+" "+strconv.Itoa(i+1), b.Styles.TextMuted)
		var r assessment.Respondent
		if i < len(from.Respondents) {
			r = from.Respondents[i]
		}
		b.Set(sh, 2, row, r.Name, ts.input)
		b.Set(sh, 3, row, r.Role, ts.input)
		b.Set(sh, 4, row, r.Email, ts.input)
	}

	row += 2
	b.Set(sh, 1, row, p.T("answersheet-targets-heading"), b.Styles.Heading)
	row++
	b.Merged(sh, row, 1, 4, p.T("answersheet-targets-note", "Default", scaleLabel(p, q, *q.DefaultTarget)), b.Styles.Note, width, 10)
	row++
	b.HeaderRow(sh, row, []sheet.Column{{Title: aboutTargetArea.In(p)}, {Title: p.T("answersheet-targets-target")}, {Title: aboutTargetID.In(p)}}, b.Styles.Header)
	scale := scaleLabels(p, q)
	for _, a := range q.Areas {
		row++
		b.Set(sh, 1, row, a.Name.Localize(p), b.Styles.Text)
		target := ""
		if v, ok := from.Targets[a.ID]; ok {
			target = scaleLabel(p, q, v)
		}
		b.Set(sh, 2, row, target, ts.input)
		b.Set(sh, 3, row, a.ID, b.Styles.TextMuted)
		w.lists.add(sheet.Cell(2, row), scale)
	}

	row += 2
	b.Set(sh, 1, row, p.T("answersheet-scale-heading"), b.Styles.Heading)
	for _, pt := range q.Scale {
		row++
		b.Set(sh, 1, row, pt.Label.Localize(p), b.Styles.TextBold)
		b.Merged(sh, row, 2, 4, pt.Description.Localize(p), b.Styles.Text, 94, 11)
	}
	w.lists.flush(sh)
	protect(b, sh)
}

// writeAnswers writes the Svar sheet: one row per question.
func (w *writer) writeAnswers(from *assessment.Checked, areas []string) {
	b, ts, p, q, sh := w.b, w.ts, w.p, w.q, w.answers
	cols := answerColumns(p)
	b.HeaderRow(sh, 1, cols, b.Styles.Header)
	b.Set(sh, colHelp, 1, cols[colHelp-1].Title, b.Styles.HeaderIndent)
	row := 1
	q.AllQuestions(func(a *assessment.Area, qu *assessment.Question) {
		if len(areas) > 0 && !slices.Contains(areas, a.ID) {
			return
		}
		row++
		area, text := a.Name.Localize(p), qu.Text.Localize(p)
		b.Set(sh, colID, row, qu.ID, b.Styles.TextMuted)
		b.Set(sh, colArea, row, area, b.Styles.Text)
		if qu.Step > 0 {
			b.Set(sh, colStep, row, qu.Step, b.Styles.TextCenter)
		} else {
			b.Set(sh, colStep, row, "", b.Styles.TextCenter)
		}
		b.Set(sh, colTier, row, qu.Tier, b.Styles.TextCenter)
		b.Set(sh, colQuestion, row, text, b.Styles.TextBold)
		help := answerHelp(p, qu)
		// The help is indented a little, so that it does not run on from
		// the question beside it.
		b.Set(sh, colHelp, row, help, b.Styles.TextIndent)

		value := cellAnswer(p, q, qu, from.Value(qu))
		var comment, by, evidence string
		if ans, ok := from.Answers.Answers.Get(qu.ID); ok {
			comment, by = ans.Comment, ans.By
			evidence = strings.Join(ans.Evidence, assessment.ListSep+" ")
		}
		b.Set(sh, colAnswer, row, value, ts.input)
		b.Set(sh, colComment, row, comment, ts.input)
		b.Set(sh, colBy, row, by, ts.input)
		b.Set(sh, colEvidence, row, evidence, ts.input)
		w.answerValidation(row, qu)

		// Neither Excel nor LibreOffice fits a row to wrapped text when it
		// opens a file, so the height is set here. sheet.TextHeight errs on the
		// tall side for short texts; for these long ones it is told the
		// columns are a little wider than they are, which is closer to
		// what a spreadsheet program fits on a line.
		// The help's indent takes about two characters.
		h := 0.0
		for _, c := range []struct {
			text   string
			col    int
			indent float64
		}{{area, colArea, 0}, {text, colQuestion, 0}, {help, colHelp, 2}, {comment, colComment, 0},
			{fmt.Sprint(value), colAnswer, 0}, {by, colBy, 0}, {evidence, colEvidence, 0}} {
			h = max(h, sheet.TextHeight(c.text, cols[c.col-1].Width*1.1-c.indent, 11))
		}
		b.Check(b.File.SetRowHeight(sh, row, h))
	})
	w.lists.flush(sh)
	protect(b, sh)
}

// answerHelp is the question's help text plus what to write where the
// answer cell has no dropdown.
func answerHelp(p *lang.Printer, qu *assessment.Question) string {
	var parts []string
	if h := qu.Help.Localize(p); h != "" {
		parts = append(parts, h)
	}
	words := ""
	if qu.EffectiveType() != assessment.TypeText {
		words = " " + p.T("answersheet-help-dont-know", "DontKnow", lang.M("value-dont-know"))
	}
	if qu.NAAllowed() {
		words += " " + p.T("answersheet-help-na", "NA", lang.M("value-na"))
	}
	switch qu.EffectiveType() {
	case assessment.TypeMulti:
		parts = append(parts, p.T("answersheet-help-multi", "Options", joinLabels(optionLabels(p, qu)))+words)
	case assessment.TypeNumber:
		parts = append(parts, numberText(qu).In(p)+"."+words)
	case assessment.TypeText:
		parts = append(parts, p.T("answersheet-help-text"))
	}
	return strings.Join(parts, "\n")
}

// cellAnswer is a value as a person fills it in: the scale label picked
// in the dropdown, a number cell, else the value in words.
func cellAnswer(p *lang.Printer, q *assessment.Questionnaire, qu *assessment.Question, v assessment.Value) any {
	if v.Kind == assessment.ValueGiven {
		switch qu.EffectiveType() {
		case assessment.TypeScale:
			return scaleLabel(p, q, v.Number)
		case assessment.TypeNumber:
			return v.Number
		}
	}
	return assessment.LabelIn(p, q, qu, v)
}

// answerValidation adds the data validation of one answer cell: a
// dropdown, a number check, or only a prompt that says what to write.
func (w *writer) answerValidation(row int, qu *assessment.Question) {
	p := w.p
	ref := sheet.Cell(colAnswer, row)
	if values := dropdown(p, w.q, qu); values != nil {
		w.lists.add(ref, values)
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	switch qu.EffectiveType() {
	case assessment.TypeNumber:
		// A number within the question's limits, or one of the words a
		// number cell also takes: «Vet ikke» on every scored question,
		// «Ikke relevant» where the question allows it.
		words := []string{p.T("value-dont-know")}
		if qu.NAAllowed() {
			words = append(words, p.T("value-na"))
		}
		dv.Type = "custom"
		dv.Formula1 = numberFormula(ref, qu.Min, qu.Max, words)
		accepts := numberAccepts(qu).In(p)
		dv.SetError(excelize.DataValidationErrorStyleStop, prompt(p.T("answersheet-dv-number-title"), maxPromptTitle),
			prompt(p.T("answersheet-dv-number-error", "Accepts", accepts), maxPrompt))
		dv.SetInput(prompt(p.T("answersheet-dv-number-title"), maxPromptTitle), prompt(accepts+".", maxPrompt))
	case assessment.TypeMulti:
		dv.SetInput(prompt(p.T("answersheet-dv-multi-title"), maxPromptTitle),
			prompt(p.T("answersheet-dv-multi", "Options", joinLabels(optionLabels(p, qu))), maxPrompt))
	default:
		dv.SetInput(prompt(p.T("answersheet-dv-text-title"), maxPromptTitle), prompt(p.T("answersheet-dv-text"), maxPrompt))
	}
	w.b.Check(w.b.File.AddDataValidation(w.answers, dv))
}

// prompt fits a text into one of Excel's limits on data validation texts.
func prompt(s string, limit int) string { return sheet.Truncate(s, limit) }

// numberFormula is the custom validation of a number cell ref: a number
// within min and max (either may be nil), or one of words, compared as
// Excel compares text (without regard to case). It is written into the
// file as it stands, so it is escaped for XML here; excelize does not.
func numberFormula(ref string, min, max *float64, words []string) string {
	number := []string{"ISNUMBER(" + ref + ")"}
	if min != nil {
		number = append(number, ref+">="+formulaNumber(*min))
	}
	if max != nil {
		number = append(number, ref+"<="+formulaNumber(*max))
	}
	alts := []string{number[0]}
	if len(number) > 1 {
		alts[0] = "AND(" + strings.Join(number, ",") + ")"
	}
	for _, word := range words {
		alts = append(alts, ref+`="`+strings.ReplaceAll(word, `"`, `""`)+`"`)
	}
	return xmlEscaper.Replace("OR(" + strings.Join(alts, ",") + ")")
}

// formulaNumber writes a number as a formula in the file holds it: a
// decimal point, no exponent.
func formulaNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// planRows are the plans the Planer sheet lists, in questionnaire order:
// those whose revision the planstrategi decides (their own rule or a
// parent's), for only the municipality knows when they are next revised,
// and any other plan the answers already say something about, so that
// nothing is lost on the way through the sheet.
func planRows(q *assessment.Questionnaire, from *assessment.Answers) []*assessment.Plan {
	var out []*assessment.Plan
	for i := range q.Plans {
		pl := &q.Plans[i]
		_, listed := from.Plans[pl.ID]
		if cy := pl.EffectiveCycle(); listed || cy != nil && cy.Rule == assessment.CycleDecided {
			out = append(out, pl)
		}
	}
	return out
}

// writePlans writes the Planer sheet: one row per plan, with when it was
// last adopted, when it is next revised and how it stands.
func (w *writer) writePlans(plans []*assessment.Plan, from map[string]assessment.PlanStatus) {
	b, ts, p, sh := w.b, w.ts, w.p, w.plans
	cols := planColumns(p)
	width := 0.0
	for _, c := range cols {
		width += c.Width
	}
	b.Set(sh, 1, 1, p.T("answersheet-plans-title"), b.Styles.Heading)
	b.Merged(sh, 2, 1, len(cols), p.T("answersheet-plans-intro"), b.Styles.Paragraph, width, 11)
	b.HeaderRow(sh, planHeaderRow, cols, b.Styles.Header)
	row := planHeaderRow
	for _, pl := range plans {
		row++
		st := from[pl.ID]
		name := pl.Name.Localize(p)
		b.Set(sh, colPlanName, row, name, b.Styles.TextBold)
		b.Set(sh, colPlanID, row, pl.ID, b.Styles.TextMuted)
		// Text cells, so that 2027-06 stays a month and is not made a
		// date by the spreadsheet program.
		b.Set(sh, colPlanAdopted, row, st.Adopted.String(), ts.inputText)
		b.Set(sh, colPlanNext, row, st.Next.String(), ts.inputText)
		b.Set(sh, colPlanStatus, row, st.Status, ts.input)
		b.FitCells(sh, row, cols, []any{name, pl.ID, "", "", st.Status})
	}
	last := row
	for _, c := range []struct {
		col  int
		text string
	}{{colPlanAdopted, p.T("answersheet-dv-adopted")}, {colPlanNext, p.T("answersheet-dv-next")}, {colPlanStatus, p.T("answersheet-dv-status")}} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = sheet.Cell(c.col, planHeaderRow+1) + ":" + sheet.Cell(c.col, last)
		dv.SetInput(prompt(cols[c.col-1].Title, maxPromptTitle), prompt(c.text, maxPrompt))
		b.Check(b.File.AddDataValidation(sh, dv))
	}
	protect(b, sh)
}

// dropLists gathers the dropdowns of a sheet: each distinct list of values
// becomes a column of the hidden list sheet, and one validation covers all
// the cells that offer it.
type dropLists struct {
	w       *writer
	columns map[string]int // joined values → column on the list sheet
	order   []string       // keys of this sheet's lists, in first-use order
	cells   map[string][]string
	values  map[string][]string
}

func (l *dropLists) add(ref string, values []string) {
	key := strings.Join(values, "\x00")
	if l.columns == nil {
		l.columns = make(map[string]int)
		l.cells = make(map[string][]string)
		l.values = make(map[string][]string)
	}
	if _, ok := l.columns[key]; !ok {
		col := len(l.columns) + 1
		l.columns[key] = col
		for i, v := range values {
			l.w.b.Set(l.w.listSheet, col, i+1, v, 0)
		}
	}
	if _, ok := l.cells[key]; !ok {
		l.order = append(l.order, key)
		l.values[key] = values
	}
	l.cells[key] = append(l.cells[key], ref)
}

// flush adds the validations gathered for the sheet sh and starts afresh.
func (l *dropLists) flush(sh string) {
	p, b := l.w.p, l.w.b
	for _, key := range l.order {
		col := sheet.ColName(l.columns[key])
		n := len(l.values[key])
		dv := excelize.NewDataValidation(true)
		dv.Sqref = strings.Join(l.cells[key], " ")
		dv.SetSqrefDropList(fmt.Sprintf("%s!$%s$1:$%s$%d", sheet.QuoteSheet(l.w.listSheet), col, col, n))
		dv.SetError(excelize.DataValidationErrorStyleStop, prompt(p.T("answersheet-dv-list-error-title"), maxPromptTitle), prompt(p.T("answersheet-dv-list-error"), maxPrompt))
		dv.SetInput(prompt(p.T("answersheet-dv-list-title"), maxPromptTitle), prompt(p.T("answersheet-dv-list"), maxPrompt))
		b.Check(b.File.AddDataValidation(sh, dv))
	}
	l.order = nil
	l.cells = make(map[string][]string)
}
