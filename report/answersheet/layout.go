package answersheet

import (
	"strings"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/sheet"
)

// What Write puts where and Open looks for: a change here changes both.
// Sheet names, headers and labels are messages: Write writes them in the
// language of Options.Lang, and Open finds them in either written
// standard, so that a workbook made in nynorsk reads like one in bokmål.

// Sheets of an answer workbook.
var (
	sheetAbout   = lang.M("answersheet-sheet-about")
	sheetAnswers = lang.M("answersheet-sheet-answers")
	sheetPlans   = lang.M("answersheet-sheet-plans")
	sheetLists   = lang.M("answersheet-sheet-lists")
)

// Headers of the Svar sheet. The reader finds its columns by these names,
// so a sheet whose columns were moved still reads.
var (
	headID       = lang.M("answersheet-col-id")
	headAnswer   = lang.M("answersheet-col-answer")
	headComment  = lang.M("answersheet-col-comment")
	headBy       = lang.M("answersheet-col-by")
	headEvidence = lang.M("answersheet-col-evidence")
)

// Headers of the Planer sheet; its id column has the Svar sheet's header.
var (
	headPlan    = lang.M("answersheet-plans-col-plan")
	headAdopted = lang.M("answersheet-plans-col-adopted")
	headNext    = lang.M("answersheet-plans-col-next")
	headStatus  = lang.M("answersheet-plans-col-status")
)

// Labels in column A of the Om sheet; the reader finds the rows by them.
var (
	aboutQuestionnaire = lang.M("answersheet-about-questionnaire")
	aboutName          = lang.M("answersheet-about-municipality")
	aboutNumber        = lang.M("answersheet-about-number")
	aboutDate          = lang.M("answersheet-about-date")
	aboutRespondent    = lang.M("answersheet-respondent")      // «Respondent 1», «Respondent 2», …
	aboutTargetArea    = lang.M("answersheet-targets-area")    // header of the targets table …
	aboutTargetID      = lang.M("answersheet-targets-area-id") // … whose rows carry the area id here
)

// customPropQuestionnaire repeats the questionnaire id@version in the
// document's custom properties, in case the Om sheet is lost.
const customPropQuestionnaire = "sirkel-questionnaire"

// written are the standards a workbook may be written in, which the
// reader accepts.
var written = []lang.Lang{lang.NB, lang.NN}

// spellings are a message as every written standard renders it.
func spellings(m lang.Msg) []string {
	out := make([]string, 0, len(written))
	for _, l := range written {
		if s := m.In(lang.For(l)); !containsFold(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// is reports whether a cell holds the label m in either written standard.
func is(cell string, m lang.Msg) bool { return containsFold(spellings(m), cell) }

func containsFold(list []string, s string) bool {
	for _, l := range list {
		if sameLabel(l, s) {
			return true
		}
	}
	return false
}

// answerColumns are the columns of the Svar sheet as written in p's
// language; the reader finds those it needs by the headers headID,
// headAnswer, headComment, headBy and headEvidence.
func answerColumns(p *lang.Printer) []sheet.Column {
	return []sheet.Column{
		{Title: headID.In(p), Width: 24}, {Title: p.T("answersheet-col-area"), Width: 18},
		{Title: p.T("answersheet-col-step"), Width: 7}, {Title: p.T("answersheet-col-tier"), Width: 6},
		{Title: p.T("answersheet-col-question"), Width: 44}, {Title: p.T("answersheet-col-help"), Width: 50},
		{Title: headAnswer.In(p), Width: 24}, {Title: headComment.In(p), Width: 40},
		{Title: headBy.In(p), Width: 18}, {Title: headEvidence.In(p), Width: 30},
	}
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
	colBy
	colEvidence
)

// planColumns are the columns of the Planer sheet as written.
func planColumns(p *lang.Printer) []sheet.Column {
	return []sheet.Column{
		{Title: headPlan.In(p), Width: 44}, {Title: headID.In(p), Width: 24},
		{Title: headAdopted.In(p), Width: 15}, {Title: headNext.In(p), Width: 17},
		{Title: headStatus.In(p), Width: 40},
	}
}

// Columns of the Planer sheet as written (1-based), and the row of its
// header: a title and a line of help come first.
const (
	colPlanName = iota + 1
	colPlanID
	colPlanAdopted
	colPlanNext
	colPlanStatus

	planHeaderRow = 3
)

// What an answer cell offers a person, which the writer lists in the
// dropdowns and the help, and the reader accepts and names in its
// messages.

// optionLabels are the labels of a question's options in p's language, in
// order.
func optionLabels(p *lang.Printer, qu *assessment.Question) []string {
	labels := make([]string, len(qu.Options))
	for i, o := range qu.Options {
		labels[i] = o.Label.Localize(p)
	}
	return labels
}

// dropdown returns the values offered in a question's answer cell, or nil
// when the cell is typed into (multi, number, text): the answers, then
// «Vet ikke», then «Ikke relevant» where the question allows it.
func dropdown(p *lang.Printer, q *assessment.Questionnaire, qu *assessment.Question) []string {
	var values []string
	switch qu.EffectiveType() {
	case assessment.TypeScale:
		values = scaleLabels(p, q)
	case assessment.TypeYesNo:
		values = []string{p.T("value-yes"), p.T("value-no")}
	case assessment.TypeChoice:
		values = optionLabels(p, qu)
	default:
		return nil
	}
	values = append(values, p.T("value-dont-know"))
	if qu.NAAllowed() {
		values = append(values, p.T("value-na"))
	}
	return values
}

// scaleLabels are the labels of the scale in p's language, lowest first.
func scaleLabels(p *lang.Printer, q *assessment.Questionnaire) []string {
	labels := make([]string, len(q.Scale))
	for i, pt := range q.Scale {
		labels[i] = pt.Label.Localize(p)
	}
	return labels
}

// scaleLabel is the label of scale value v in p's language, "" when v is
// not on the scale.
func scaleLabel(p *lang.Printer, q *assessment.Questionnaire, v float64) string {
	for _, pt := range q.Scale {
		if *pt.Value == v {
			return pt.Label.Localize(p)
		}
	}
	return ""
}

// unitHint is « (unit)» for a question with a unit, else nothing.
func unitHint(qu *assessment.Question) lang.Msg {
	if qu.Unit == "" {
		return lang.Msg{}
	}
	return lang.M("unit-suffix", "Unit", qu.Unit)
}

// numberText says which numbers a number question takes, with its unit:
// «Skriv et tall fra 0 til 100 (prosent)».
func numberText(qu *assessment.Question) lang.Msg {
	unit := unitHint(qu)
	switch {
	case qu.Min != nil && qu.Max != nil:
		return lang.M("answersheet-number-between", "Min", assessment.DecimalComma(*qu.Min), "Max", assessment.DecimalComma(*qu.Max), "Unit", unit)
	case qu.Min != nil:
		return lang.M("answersheet-number-min", "Min", assessment.DecimalComma(*qu.Min), "Unit", unit)
	case qu.Max != nil:
		return lang.M("answersheet-number-max", "Max", assessment.DecimalComma(*qu.Max), "Unit", unit)
	}
	return lang.M("answersheet-number", "Unit", unit)
}

// numberAccepts is numberText with the words a number cell also takes:
// «Vet ikke», and «Ikke relevant» where the question allows it.
func numberAccepts(qu *assessment.Question) lang.Msg {
	if qu.NAAllowed() {
		return lang.M("answersheet-or-dont-know-na", "Number", numberText(qu), "DontKnow", lang.M("value-dont-know"), "NA", lang.M("value-na"))
	}
	return lang.M("answersheet-or-dont-know", "Number", numberText(qu), "DontKnow", lang.M("value-dont-know"))
}

// joinLabels joins labels as the help lists them.
func joinLabels(labels []string) string { return strings.Join(labels, assessment.ListSep+" ") }
