// Package answersheet is the Excel answer sheet (svarskjema), for
// respondents who will not use a terminal: Write makes one, blank or
// filled in from answers, and Open reads a filled-in one back as answers.
//
// Sheet «Om» says which questionnaire, who and when; sheet «Svar» has one
// row per question with a dropdown in the answer cell (the answers, then
// «Vet ikke», then «Ikke relevant» where the question allows it), a
// comment, who answered («Besvart av») and the evidence («Dokumentasjon»,
// items separated by «;»); a number cell is checked against the
// question's min and max. Sheet «Planer» has one row per plan whose
// revision the planstrategi decides (and any other plan the answers speak
// of): when it was last adopted, when it is next revised, and how it
// stands. The hidden sheet «Lister» holds the dropdowns' values, which
// would not fit in the 255 characters Excel allows for a list typed into
// the validation.
//
// Every text a person sees comes from the catalogues (package lang):
// Options.Lang writes the workbook in bokmål or nynorsk, and Open reads
// sheet names, headers and labels in either.
//
// People edit the sheet in ways a file format would not allow, so the
// reader is forgiving: it finds rows by their labels and columns by their
// headers, so that moved columns and sorted rows still read; it takes
// labels in any case, numbers with a decimal comma, option ids as well as
// labels, and plan dates as text or as the dates a spreadsheet program
// made of them. It never reads an answer itself: the text goes to
// assessment.Answers.Check, which reads it with assessment.ParseValue as
// it reads a file. What it cannot read it reports at the cell, such as
// «Svar!G14» or «Planer!D5», saying what the cell accepts; so do the
// checks of Answers.Check. A workbook from before the Planer sheet reads
// as before.
package answersheet
