package answersheet

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

const (
	colorAnswer = "FFF2CC" // light yellow: «fill in here», also said in words
	// extraRespondents is how many empty respondent rows a template offers.
	extraRespondents = 4
)

// Options tune Write.
type Options struct {
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

// Write writes an answer workbook for q to w.
func Write(w io.Writer, q *assessment.Questionnaire, opt Options) error {
	from := opt.From
	if from == nil {
		from, _ = (&assessment.Answers{Date: assessment.NewDate(opt.Now)}).Check(q, assessment.CheckOptions{})
	}
	header := from.Answers.Municipality.Name
	if header == "" {
		header = "Svarskjema"
	}
	b := sheet.New(header, "Svarskjema "+refString(q.Ref()))
	defer b.File.Close()
	ts := newTemplateStyles(b)
	b.AddSheet(sheet.Setup{Name: sheetAbout, Cols: aboutColumns, Portrait: true, NoGrid: true})
	// The id column is for sirkel, not for a person with the printout.
	b.AddSheet(sheet.Setup{Name: sheetAnswers, Cols: answerColumns, HeaderRows: 1, PrintFrom: colArea})
	b.NewSheet(sheetLists)
	lists := &dropLists{b: b}
	writeAbout(b, ts, lists, q, from.Answers)
	writeAnswers(b, ts, lists, q, from, opt.Areas)
	b.Check(b.File.SetSheetVisible(sheetLists, false))
	b.File.SetActiveSheet(0)

	title := "Svarskjema – " + q.Title.String()
	b.DocProps(title, refString(q.Ref()), "Svarskjema for egenvurdering av sirkulær økonomi, laget med sirkel", opt.ToolVersion, opt.Now)
	b.Check(b.File.SetCustomProps(excelize.CustomProperty{Name: customPropQuestionnaire, Value: refString(q.Ref())}))
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
func writeAbout(b *sheet.Book, ts templateStyles, lists *dropLists, q *assessment.Questionnaire, from *assessment.Answers) {
	const sh = sheetAbout
	width := 30.0 + 34 + 26 + 34
	b.Set(sh, 1, 1, "Svarskjema", b.Styles.Title)
	b.Check(b.File.SetRowHeight(sh, 1, 28))
	b.Merged(sh, 2, 1, 4, q.Title.String(), b.Styles.Subtitle, width, 11)

	row := 4
	b.Set(sh, 1, row, "Slik fyller du ut", b.Styles.Heading)
	for _, line := range aboutInstructions(q) {
		row++
		b.Merged(sh, row, 1, 4, line, b.Styles.Paragraph, width, 12)
	}

	row += 2
	b.Set(sh, 1, row, "Om besvarelsen", b.Styles.Heading)
	row++
	b.Set(sh, 1, row, aboutQuestionnaire, b.Styles.TextBold)
	b.Set(sh, 2, row, refString(q.Ref()), ts.locked)
	b.Set(sh, 3, row, "Ikke endre", b.Styles.Note)
	row++
	b.Set(sh, 1, row, aboutName, b.Styles.TextBold)
	b.Set(sh, 2, row, from.Municipality.Name, ts.input)
	row++
	b.Set(sh, 1, row, aboutNumber, b.Styles.TextBold)
	b.Set(sh, 2, row, from.Municipality.Number, ts.inputText)
	b.Set(sh, 3, row, "Fire sifre, som 3440", b.Styles.Note)
	row++
	b.Set(sh, 1, row, aboutDate, b.Styles.TextBold)
	if from.Date.IsSet() {
		b.Set(sh, 2, row, from.Date.Time, ts.inputDate)
	} else {
		b.Set(sh, 2, row, "", ts.inputDate)
	}
	b.Set(sh, 3, row, "ÅÅÅÅ-MM-DD", b.Styles.Note)

	row += 2
	b.Set(sh, 1, row, "Hvem har svart", b.Styles.Heading)
	row++
	b.HeaderRow(sh, row, []sheet.Column{{Title: aboutRespondent}, {Title: "Navn"}, {Title: "Rolle"}, {Title: "E-post"}}, b.Styles.Header)
	for i := range len(from.Respondents) + extraRespondents {
		row++
		b.Set(sh, 1, row, fmt.Sprintf("%s %d", aboutRespondent, i+1), b.Styles.TextMuted)
		var r assessment.Respondent
		if i < len(from.Respondents) {
			r = from.Respondents[i]
		}
		b.Set(sh, 2, row, r.Name, ts.input)
		b.Set(sh, 3, row, r.Role, ts.input)
		b.Set(sh, 4, row, r.Email, ts.input)
	}

	row += 2
	b.Set(sh, 1, row, "Egne mål (valgfritt)", b.Styles.Heading)
	row++
	dt := *q.DefaultTarget
	b.Merged(sh, row, 1, 4, fmt.Sprintf("Kommunens egen ambisjon for et område, på skalaen. Står cellen tom, gjelder skjemaets mål (vanligvis «%s»).", q.ScaleLabel(dt)), b.Styles.Note, width, 10)
	row++
	b.HeaderRow(sh, row, []sheet.Column{{Title: aboutTargetArea}, {Title: "Eget mål"}, {Title: aboutTargetID}}, b.Styles.Header)
	scale := scaleLabels(q)
	for _, a := range q.Areas {
		row++
		b.Set(sh, 1, row, a.Name.String(), b.Styles.Text)
		target := ""
		if v, ok := from.Targets[a.ID]; ok {
			target = q.ScaleLabel(v)
		}
		b.Set(sh, 2, row, target, ts.input)
		b.Set(sh, 3, row, a.ID, b.Styles.TextMuted)
		lists.add(sheet.Cell(2, row), scale)
	}

	row += 2
	b.Set(sh, 1, row, "Skalaen", b.Styles.Heading)
	for _, p := range q.Scale {
		row++
		b.Set(sh, 1, row, p.Label.String(), b.Styles.TextBold)
		b.Merged(sh, row, 2, 4, p.Description.String(), b.Styles.Text, 94, 11)
	}
	lists.flush(sh)
	protect(b, sh)
}

// writeAnswers writes the Svar sheet: one row per question.
func writeAnswers(b *sheet.Book, ts templateStyles, lists *dropLists, q *assessment.Questionnaire, from *assessment.Checked, areas []string) {
	const sh = sheetAnswers
	b.HeaderRow(sh, 1, answerColumns, b.Styles.Header)
	b.Set(sh, colHelp, 1, answerColumns[colHelp-1].Title, b.Styles.HeaderIndent)
	row := 1
	q.AllQuestions(func(a *assessment.Area, qu *assessment.Question) {
		if len(areas) > 0 && !slices.Contains(areas, a.ID) {
			return
		}
		row++
		b.Set(sh, colID, row, qu.ID, b.Styles.TextMuted)
		b.Set(sh, colArea, row, a.Name.String(), b.Styles.Text)
		if qu.Step > 0 {
			b.Set(sh, colStep, row, qu.Step, b.Styles.TextCenter)
		} else {
			b.Set(sh, colStep, row, "", b.Styles.TextCenter)
		}
		b.Set(sh, colTier, row, qu.Tier, b.Styles.TextCenter)
		b.Set(sh, colQuestion, row, qu.Text.String(), b.Styles.TextBold)
		help := answerHelp(qu)
		// The help is indented a little, so that it does not run on from
		// the question beside it.
		b.Set(sh, colHelp, row, help, b.Styles.TextIndent)

		value, comment := cellAnswer(q, qu, from.Value(qu)), ""
		if ans, ok := from.Answers.Answers.Get(qu.ID); ok {
			comment = ans.Comment
		}
		b.Set(sh, colAnswer, row, value, ts.input)
		b.Set(sh, colComment, row, comment, ts.input)
		answerValidation(b, sh, row, q, qu, lists)

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
		}{{a.Name.String(), colArea, 0}, {qu.Text.String(), colQuestion, 0}, {help, colHelp, 2}, {comment, colComment, 0}, {fmt.Sprint(value), colAnswer, 0}} {
			h = max(h, sheet.TextHeight(c.text, answerColumns[c.col-1].Width*1.1-c.indent, 11))
		}
		b.Check(b.File.SetRowHeight(sh, row, h))
	})
	lists.flush(sh)
	protect(b, sh)
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
func answerValidation(b *sheet.Book, sh string, row int, q *assessment.Questionnaire, qu *assessment.Question, lists *dropLists) {
	ref := sheet.Cell(colAnswer, row)
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
			b.Check(dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Skriv et tall", "Svaret skal være et tall"+naHint(qu)+". La cellen stå tom hvis du ikke vet.")
		dv.SetInput("Skriv et tall", "Skriv et tall"+unitHint(qu)+naHint(qu)+".")
	case assessment.TypeMulti:
		dv.SetInput("Ett eller flere alternativer", sheet.Truncate("Skriv alternativene adskilt med semikolon (;): "+strings.Join(optionLabels(qu), "; "), 250))
	default:
		dv.SetInput("Fritekst", "Skriv svaret med egne ord.")
	}
	b.Check(b.File.AddDataValidation(sh, dv))
}

func naHint(qu *assessment.Question) string {
	if qu.NAAllowed() {
		return ", eller «" + naLabel + "»"
	}
	return ""
}

// dropLists gathers the dropdowns of a sheet: each distinct list of values
// becomes a column of the hidden list sheet, and one validation covers all
// the cells that offer it.
type dropLists struct {
	b       *sheet.Book
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
			l.b.Set(sheetLists, col, i+1, v, 0)
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
	for _, key := range l.order {
		col := sheet.ColName(l.columns[key])
		n := len(l.values[key])
		dv := excelize.NewDataValidation(true)
		dv.Sqref = strings.Join(l.cells[key], " ")
		dv.SetSqrefDropList(fmt.Sprintf("%s!$%s$1:$%s$%d", sheetLists, col, col, n))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Velg i listen", "Velg et av svarene i listen (pilen til høyre for cellen), eller la cellen stå tom.")
		dv.SetInput("Velg et svar", "Velg i listen. La cellen stå tom hvis du ikke vet.")
		l.b.Check(l.b.File.AddDataValidation(sh, dv))
	}
	l.order = nil
	l.cells = make(map[string][]string)
}
