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
// answer supports is null, never 0. A result's "uncertain" says its total
// rests on too few answers (Result.Uncertain) and "unknown" lists the
// questions answered «vet ikke». A gap's "windows" maps each of its plans,
// in the gap's plan order, to the month of the plan's next window
// ("2027-12") or null when it is unknown; "next_window" is the earliest.
//
// Words are in bokmål or nynorsk, as the options' Lang says (bokmål when
// it is zero): the table's texts, the spreadsheet CSV's headers, months
// and «ja»/«nei», and the questionnaire's texts everywhere, level names
// and actions in the JSON too. Keys, ids and the plain CSV's headers are
// the same in both.
package scores
