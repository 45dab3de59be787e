// Package scores writes scores as text: the JSON and CSV of «sirkel
// score» for programs and spreadsheets, and the table it prints in a
// terminal. It does without the Excel library, so that scoring a batch
// does not carry the code of the workbooks.
//
// The JSON document is an object with
//
//   - "questionnaire": the id and version of the questionnaire given to
//     NewJSONWriter, else of the first result's; null when there is none;
//   - "results": one object per scored file, in the order they are
//     added (see JSONEncoder.AppendResult);
//   - "errors" and "warnings": one object per diagnostic, with "file",
//     "line", "column" and "message".
//
// Scores run from 0 to 100 and coverage from 0 to 1; a score that no
// answer supports is null, never 0.
package scores
