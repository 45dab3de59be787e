// Package answersheet is the Excel answer sheet (svarskjema), for
// respondents who will not use a terminal: Write makes one, blank or
// filled in from answers, and Open reads a filled-in one back as answers.
//
// Sheet «Om» says which questionnaire, who and when; sheet «Svar» has one
// row per question with a dropdown in the answer cell; the hidden sheet
// «Lister» holds the dropdowns' values, which would not fit in the 255
// characters Excel allows for a list typed into the validation.
//
// People edit the sheet in ways a file format would not allow, so the
// reader is forgiving: it finds rows by their labels and columns by their
// headers, so that moved columns and sorted rows still read; it takes
// labels in any case, numbers with a decimal comma, and option ids as
// well as labels. What it cannot read it reports at the cell, such as
// «Svar!G14», saying what the cell accepts.
package answersheet
