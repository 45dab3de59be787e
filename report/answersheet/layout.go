package answersheet

import (
	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/sheet"
)

// What Write puts where and Open looks for: a change here changes both.

// Sheets of an answer workbook.
const (
	sheetAbout   = "Om"
	sheetAnswers = "Svar"
	sheetLists   = "Lister"

	// naLabel is «ikke relevant» as a person picks it.
	naLabel = assessment.NALabel
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

// answerColumns are the columns of the Svar sheet as written; the reader
// finds those it needs by the titles headID, headAnswer and headComment.
var answerColumns = []sheet.Column{
	{Title: headID, Width: 24}, {Title: "Område", Width: 18}, {Title: "Trinn", Width: 7}, {Title: "Nivå", Width: 6},
	{Title: "Spørsmål", Width: 44}, {Title: "Hjelp", Width: 50}, {Title: headAnswer, Width: 24}, {Title: headComment, Width: 40},
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

// What an answer cell offers a person, which the writer lists in the
// dropdowns and the help, and the reader accepts and names in its
// messages.

// optionLabels are the labels of a question's options, in order.
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
		values = scaleLabels(q)
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

// scaleLabels are the labels of the scale, lowest first.
func scaleLabels(q *assessment.Questionnaire) []string {
	labels := make([]string, len(q.Scale))
	for i, p := range q.Scale {
		labels[i] = p.Label.String()
	}
	return labels
}

// unitHint is « (unit)» for a question with a unit, else "".
func unitHint(qu *assessment.Question) string {
	if qu.Unit == "" {
		return ""
	}
	return " (" + qu.Unit + ")"
}
