// Package report writes the Excel workbooks that leaders read.
//
// WriteReport makes the report of one municipality's assessment: a
// summary with the key figures, findings in plain words, heat maps of the
// areas by step and tier, a radar chart and the most important actions
// with their next chance; then every action by priority and by plan
// document (with its legal basis, who adopts it and when), an Årshjul of
// the coming quarters by plan, every answer, and how the scores are
// computed. A Comparison gathers many municipalities
// in one workbook: a ranked overview, the areas side by side with a
// chart, statistics per area, and the files that could not be read.
//
// Both are made to be printed as well as read on a screen: sheets fit the
// width of an A4 page (a comparison of many municipalities prints across
// pages instead, at a readable size), and a table, chart or group starts
// a new page rather than being split where it would fit on one. Text
// from answers files is always written as text, never as a formula. The
// same inputs and time (SOURCE_DATE_EPOCH in the command) give the same
// cells.
//
// Every word, the sheets' names included, comes from the catalogues of
// assessment/lang in the language of the options (bokmål when Lang is
// zero), and the questionnaire's texts are taken in the same language.
package report
