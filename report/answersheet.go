package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/xuri/excelize/v2"
)

// An answer workbook (svarskjema) is for respondents who will not use a
// terminal. Sheet «Om» says which questionnaire, who and when; sheet «Svar»
// has one row per question with a dropdown in the answer cell; the hidden
// sheet «Lister» holds the dropdowns' values, which would not fit in the
// 255 characters Excel allows for a list typed into the validation.
// ReadAnswerSheet reads a filled-in workbook back.
const (
	sheetAbout   = "Om"
	sheetAnswers = "Svar"
	sheetLists   = "Lister"

	// naLabel is «ikke relevant» as a person picks it.
	naLabel = assessment.NALabel
	// multiSep separates the options of a multi answer in one cell.
	multiSep = assessment.ListSep
)

// Headers of the Svar sheet. The reader finds its columns by these names,
// so a sheet whose columns were moved still reads.
const (
	headID      = "id"
	headAnswer  = "Svar"
	headComment = "Kommentar"
)

// Labels in column A of the Om sheet; the reader finds the rows by them.
const (
	aboutQuestionnaire = "Spørreskjema"
	aboutName          = "Kommune"
	aboutNumber        = "Kommunenummer"
	aboutDate          = "Dato"
	aboutRespondent    = "Respondent" // «Respondent 1», «Respondent 2», …
	aboutTargetArea    = "Område"     // header of the targets table …
	aboutTargetID      = "Område-id"  // … whose rows carry the area id here
)

// customPropQuestionnaire repeats the questionnaire id@version in the
// document's custom properties, in case the Om sheet is lost.
const customPropQuestionnaire = "sirkel-questionnaire"

const (
	colorAnswer = "FFF2CC" // light yellow: «fill in here», also said in words
	// extraRespondents is how many empty respondent rows a template offers.
	extraRespondents = 4
)

var answerColumns = []column{
	{headID, 24}, {"Område", 18}, {"Trinn", 7}, {"Nivå", 6},
	{"Spørsmål", 44}, {"Hjelp", 50}, {headAnswer, 24}, {headComment, 40},
}

// Columns of the Svar sheet as written (1-based).
const (
	colID = iota + 1
	colArea
	colStep
	colTier
	colQuestion
	colHelp
	colAnswer
	colComment
)

// TemplateOptions tune WriteAnswerSheet.
type TemplateOptions struct {
	// Areas limits the sheet to these area ids; all areas when empty.
	Areas []string
	// From pre-fills the workbook with answers checked against the
	// questionnaire.
	From *assessment.Checked
	// Now is the date filled in when From is nil, and the file's stamp.
	Now         time.Time
	ToolVersion string
}

// templateStyles are the styles the answer workbook adds to the shared ones.
type templateStyles struct {
	input, inputDate, inputText, locked int
}

// WriteAnswerSheet writes an answer workbook for q to w.
func WriteAnswerSheet(w io.Writer, q *assessment.Questionnaire, opt TemplateOptions) error {
	from := opt.From
	if from == nil {
		from, _ = (&assessment.Answers{Date: assessment.NewDate(opt.Now)}).Check(q, assessment.CheckOptions{})
	}
	header := from.Answers.Municipality.Name
	if header == "" {
		header = "Svarskjema"
	}
	b := newBook(header, "Svarskjema "+refString(q.Ref()))
	defer b.f.Close()
	ts := b.templateStyles()
	b.addSheet(sheetSetup{name: sheetAbout, cols: aboutColumns, portrait: true, noGrid: true})
	// The id column is for sirkel, not for a person with the printout.
	b.addSheet(sheetSetup{name: sheetAnswers, cols: answerColumns, headerRows: 1, printFrom: colArea})
	b.newSheet(sheetLists)
	lists := &dropLists{b: b}
	writeAbout(b, ts, lists, q, from.Answers)
	writeAnswers(b, ts, lists, q, from, opt.Areas)
	b.check(b.f.SetSheetVisible(sheetLists, false))
	b.f.SetActiveSheet(0)

	title := "Svarskjema – " + q.Title.String()
	b.docProps(title, refString(q.Ref()), "Svarskjema for egenvurdering av sirkulær økonomi, laget med sirkel", opt.ToolVersion, opt.Now)
	b.check(b.f.SetCustomProps(excelize.CustomProperty{Name: customPropQuestionnaire, Value: refString(q.Ref())}))
	if b.err != nil {
		return b.err
	}
	_, err := b.f.WriteTo(w)
	return err
}

func (b *book) templateStyles() templateStyles {
	thin := []excelize.Border{{Type: "bottom", Color: colorLine, Style: 1}}
	font := &excelize.Font{Family: "Calibri", Size: 11, Color: colorInk}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	open := &excelize.Protection{Locked: false}
	return templateStyles{
		input:     b.style(&excelize.Style{Font: font, Fill: solid(colorAnswer), Alignment: wrapTop, Border: thin, Protection: open}),
		inputDate: b.style(&excelize.Style{Font: font, Fill: solid(colorAnswer), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}, Border: thin, Protection: open, CustomNumFmt: ptr("yyyy-mm-dd")}),
		inputText: b.style(&excelize.Style{Font: font, Fill: solid(colorAnswer), Alignment: wrapTop, Border: thin, Protection: open, NumFmt: 49}),
		locked:    b.style(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Color: colorMuted}, Alignment: wrapTop, Border: thin}),
	}
}

func refString(r assessment.QuestionnaireRef) string { return r.ID + "@" + r.Version }

// protect locks a sheet without a password: labels and questions are not
// changed by mistake, but anyone who needs to can lift the protection.
func (b *book) protect(sheet string) {
	b.check(b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}))
}

var aboutColumns = []column{{"", 30}, {"", 34}, {"", 26}, {"", 34}}

func aboutInstructions(q *assessment.Questionnaire) []string {
	lo, hi := q.ScaleRange()
	return []string{
		"1. Fyll inn kommune, kommunenummer og dato nedenfor, og hvem som har svart.",
		"2. Gå til arket «Svar». Klikk i den gule cellen i kolonnen «Svar» og velg svaret i listen (pilen til høyre for cellen). " +
			fmt.Sprintf("Skalaen går fra «%s» til «%s»; se forklaringen nederst på denne siden.", q.ScaleLabel(lo), q.ScaleLabel(hi)),
		"3. Der flere alternativer kan velges, skriver du dem adskilt med semikolon, for eksempel «Alternativ A; Alternativ B». Alternativene står i kolonnen «Hjelp».",
		"4. Tallspørsmål besvares med et tall. «" + naLabel + "» kan velges der spørsmålet ikke gjelder kommunen. La cellen stå tom hvis du ikke vet svaret.",
		"5. Skriv gjerne en begrunnelse, en kilde eller et eksempel i kolonnen «Kommentar».",
		"6. Ikke endre kolonnen «id» eller cellen ved «" + aboutQuestionnaire + "»: sirkel bruker dem når svarene leses inn.",
		"7. Send filen tilbake til den som koordinerer vurderingen. Svarene kan skåres med «sirkel score» eller slås sammen med andres svar med «sirkel merge».",
	}
}

// writeAbout writes the Om sheet: instructions, who and when, the
// municipality's own targets and the scale.
func writeAbout(b *book, ts templateStyles, lists *dropLists, q *assessment.Questionnaire, from *assessment.Answers) {
	// Only the header is written here; it needs no checked values.
	const sheet = sheetAbout
	width := 30.0 + 34 + 26 + 34
	b.set(sheet, 1, 1, "Svarskjema", b.st.title)
	b.check(b.f.SetRowHeight(sheet, 1, 28))
	b.merged(sheet, 2, 1, 4, q.Title.String(), b.st.subtitle, width, 11)

	row := 4
	b.set(sheet, 1, row, "Slik fyller du ut", b.st.h2)
	for _, line := range aboutInstructions(q) {
		row++
		b.merged(sheet, row, 1, 4, line, b.st.finding, width, 12)
	}

	row += 2
	b.set(sheet, 1, row, "Om besvarelsen", b.st.h2)
	row++
	b.set(sheet, 1, row, aboutQuestionnaire, b.st.textBold)
	b.set(sheet, 2, row, refString(q.Ref()), ts.locked)
	b.set(sheet, 3, row, "Ikke endre", b.st.note)
	row++
	b.set(sheet, 1, row, aboutName, b.st.textBold)
	b.set(sheet, 2, row, from.Municipality.Name, ts.input)
	row++
	b.set(sheet, 1, row, aboutNumber, b.st.textBold)
	b.set(sheet, 2, row, from.Municipality.Number, ts.inputText)
	b.set(sheet, 3, row, "Fire sifre, som 3440", b.st.note)
	row++
	b.set(sheet, 1, row, aboutDate, b.st.textBold)
	if from.Date.IsSet() {
		b.set(sheet, 2, row, from.Date.Time, ts.inputDate)
	} else {
		b.set(sheet, 2, row, "", ts.inputDate)
	}
	b.set(sheet, 3, row, "ÅÅÅÅ-MM-DD", b.st.note)

	row += 2
	b.set(sheet, 1, row, "Hvem har svart", b.st.h2)
	row++
	b.headerRow(sheet, row, []column{{title: aboutRespondent}, {title: "Navn"}, {title: "Rolle"}, {title: "E-post"}}, b.st.header)
	for i := range len(from.Respondents) + extraRespondents {
		row++
		b.set(sheet, 1, row, fmt.Sprintf("%s %d", aboutRespondent, i+1), b.st.textMuted)
		var r assessment.Respondent
		if i < len(from.Respondents) {
			r = from.Respondents[i]
		}
		b.set(sheet, 2, row, r.Name, ts.input)
		b.set(sheet, 3, row, r.Role, ts.input)
		b.set(sheet, 4, row, r.Email, ts.input)
	}

	row += 2
	b.set(sheet, 1, row, "Egne mål (valgfritt)", b.st.h2)
	row++
	dt := *q.DefaultTarget
	b.merged(sheet, row, 1, 4, fmt.Sprintf("Kommunens egen ambisjon for et område, på skalaen. Står cellen tom, gjelder skjemaets mål (vanligvis «%s»).", q.ScaleLabel(dt)), b.st.note, width, 10)
	row++
	b.headerRow(sheet, row, []column{{title: aboutTargetArea}, {title: "Eget mål"}, {title: aboutTargetID}}, b.st.header)
	scaleLabels := make([]string, len(q.Scale))
	for i, p := range q.Scale {
		scaleLabels[i] = p.Label.String()
	}
	for _, a := range q.Areas {
		row++
		b.set(sheet, 1, row, a.Name.String(), b.st.text)
		target := ""
		if v, ok := from.Targets[a.ID]; ok {
			target = q.ScaleLabel(v)
		}
		b.set(sheet, 2, row, target, ts.input)
		b.set(sheet, 3, row, a.ID, b.st.textMuted)
		lists.add(cell(2, row), scaleLabels)
	}

	row += 2
	b.set(sheet, 1, row, "Skalaen", b.st.h2)
	for _, p := range q.Scale {
		row++
		b.set(sheet, 1, row, p.Label.String(), b.st.textBold)
		b.merged(sheet, row, 2, 4, p.Description.String(), b.st.text, 94, 11)
	}
	lists.flush(sheet)
	b.protect(sheet)
}

// writeAnswers writes the Svar sheet: one row per question.
func writeAnswers(b *book, ts templateStyles, lists *dropLists, q *assessment.Questionnaire, from *assessment.Checked, areas []string) {
	const sheet = sheetAnswers
	b.headerRow(sheet, 1, answerColumns, b.st.header)
	b.set(sheet, colHelp, 1, answerColumns[colHelp-1].title, b.st.headerIndent)
	row := 1
	q.AllQuestions(func(a *assessment.Area, qu *assessment.Question) {
		if len(areas) > 0 && !slices.Contains(areas, a.ID) {
			return
		}
		row++
		b.set(sheet, colID, row, qu.ID, b.st.textMuted)
		b.set(sheet, colArea, row, a.Name.String(), b.st.text)
		if qu.Step > 0 {
			b.set(sheet, colStep, row, qu.Step, b.st.textCenter)
		} else {
			b.set(sheet, colStep, row, "", b.st.textCenter)
		}
		b.set(sheet, colTier, row, qu.Tier, b.st.textCenter)
		b.set(sheet, colQuestion, row, qu.Text.String(), b.st.textBold)
		help := answerHelp(qu)
		// The help is indented a little, so that it does not run on from
		// the question beside it.
		b.set(sheet, colHelp, row, help, b.st.textIndent)

		value, comment := cellAnswer(q, qu, from.Value(qu)), ""
		if ans, ok := from.Answers.Answers.Get(qu.ID); ok {
			comment = ans.Comment
		}
		b.set(sheet, colAnswer, row, value, ts.input)
		b.set(sheet, colComment, row, comment, ts.input)
		b.answerValidation(sheet, row, q, qu, lists)

		// Neither Excel nor LibreOffice fits a row to wrapped text when it
		// opens a file, so the height is set here. textHeight errs on the
		// tall side for short texts; for these long ones it is told the
		// columns are a little wider than they are, which is closer to
		// what a spreadsheet program fits on a line.
		// The help's indent takes about two characters.
		h := 0.0
		for _, c := range []struct {
			text   string
			col    int
			indent float64
		}{{a.Name.String(), colArea, 0}, {qu.Text.String(), colQuestion, 0}, {help, colHelp, 2}, {comment, colComment, 0}, {fmt.Sprint(value), colAnswer, 0}} {
			h = max(h, textHeight(c.text, answerColumns[c.col-1].width*1.1-c.indent, 11))
		}
		b.check(b.f.SetRowHeight(sheet, row, h))
	})
	lists.flush(sheet)
	b.protect(sheet)
}

// answerHelp is the question's help text plus what to write where the
// answer cell has no dropdown.
func answerHelp(qu *assessment.Question) string {
	var parts []string
	if h := qu.Help.String(); h != "" {
		parts = append(parts, h)
	}
	na := ""
	if qu.NAAllowed() {
		na = " Skriv «" + naLabel + "» hvis spørsmålet ikke gjelder kommunen."
	}
	switch qu.EffectiveType() {
	case assessment.TypeMulti:
		parts = append(parts, "Flere svar er mulig: skriv alternativene adskilt med semikolon (;). Alternativer: "+
			strings.Join(optionLabels(qu), "; ")+"."+na)
	case assessment.TypeNumber:
		unit := ""
		if qu.Unit != "" {
			unit = " (" + qu.Unit + ")"
		}
		parts = append(parts, "Skriv et tall"+unit+"."+na)
	case assessment.TypeText:
		parts = append(parts, "Fritekst.")
	}
	return strings.Join(parts, "\n")
}

func optionLabels(qu *assessment.Question) []string {
	labels := make([]string, len(qu.Options))
	for i, o := range qu.Options {
		labels[i] = o.Label.String()
	}
	return labels
}

// dropdown returns the values offered in a question's answer cell, or nil
// when the cell is typed into (multi, number, text).
func dropdown(q *assessment.Questionnaire, qu *assessment.Question) []string {
	var values []string
	switch qu.EffectiveType() {
	case assessment.TypeScale:
		for _, p := range q.Scale {
			values = append(values, p.Label.String())
		}
	case assessment.TypeYesNo:
		values = []string{"Ja", "Nei"}
	case assessment.TypeChoice:
		values = optionLabels(qu)
	default:
		return nil
	}
	if qu.NAAllowed() {
		values = append(values, naLabel)
	}
	return values
}

// cellAnswer is a value as a person fills it in: the scale label picked
// in the dropdown, a number cell, else the value in words.
func cellAnswer(q *assessment.Questionnaire, qu *assessment.Question, v assessment.Value) any {
	if v.Kind == assessment.ValueGiven {
		switch qu.EffectiveType() {
		case assessment.TypeScale:
			return q.ScaleLabel(v.Number)
		case assessment.TypeNumber:
			return v.Number
		}
	}
	return assessment.Label(q, qu, v)
}

// answerValidation adds the data validation of one answer cell: a
// dropdown, a number check, or only a prompt that says what to write.
func (b *book) answerValidation(sheet string, row int, q *assessment.Questionnaire, qu *assessment.Question, lists *dropLists) {
	ref := cell(colAnswer, row)
	if values := dropdown(q, qu); values != nil {
		lists.add(ref, values)
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	switch qu.EffectiveType() {
	case assessment.TypeNumber:
		if qu.NAAllowed() {
			dv.Type = "custom"
			dv.Formula1 = fmt.Sprintf(`OR(ISNUMBER(%s),%s="%s")`, ref, ref, naLabel)
		} else {
			b.check(dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Skriv et tall", "Svaret skal være et tall"+naHint(qu)+". La cellen stå tom hvis du ikke vet.")
		dv.SetInput("Skriv et tall", "Skriv et tall"+unitHint(qu)+naHint(qu)+".")
	case assessment.TypeMulti:
		dv.SetInput("Ett eller flere alternativer", truncate("Skriv alternativene adskilt med semikolon (;): "+strings.Join(optionLabels(qu), "; "), 250))
	default:
		dv.SetInput("Fritekst", "Skriv svaret med egne ord.")
	}
	b.check(b.f.AddDataValidation(sheet, dv))
}

func naHint(qu *assessment.Question) string {
	if qu.NAAllowed() {
		return ", eller «" + naLabel + "»"
	}
	return ""
}

func unitHint(qu *assessment.Question) string {
	if qu.Unit == "" {
		return ""
	}
	return " (" + qu.Unit + ")"
}

// dropLists gathers the dropdowns of a sheet: each distinct list of values
// becomes a column of the hidden list sheet, and one validation covers all
// the cells that offer it.
type dropLists struct {
	b       *book
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
			l.b.set(sheetLists, col, i+1, v, 0)
		}
	}
	if _, ok := l.cells[key]; !ok {
		l.order = append(l.order, key)
		l.values[key] = values
	}
	l.cells[key] = append(l.cells[key], ref)
}

// flush adds the validations gathered for sheet and starts afresh.
func (l *dropLists) flush(sheet string) {
	for _, key := range l.order {
		col := colName(l.columns[key])
		n := len(l.values[key])
		dv := excelize.NewDataValidation(true)
		dv.Sqref = strings.Join(l.cells[key], " ")
		dv.SetSqrefDropList(fmt.Sprintf("%s!$%s$1:$%s$%d", sheetLists, col, col, n))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Velg i listen", "Velg et av svarene i listen (pilen til høyre for cellen), eller la cellen stå tom.")
		dv.SetInput("Velg et svar", "Velg i listen. La cellen stå tom hvis du ikke vet.")
		l.b.check(l.b.f.AddDataValidation(sheet, dv))
	}
	l.order = nil
	l.cells = make(map[string][]string)
}
