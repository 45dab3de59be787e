package batch

import (
	"bytes"
	"errors"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/answersheet"
)

// isWorkbook tells an .xlsx (a zip archive) from YAML by its first bytes.
func isWorkbook(_ string, data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04"))
}

// loadWorkbook reads an answer workbook (from «sirkel template») and checks
// it as Load checks YAML answers; problems are placed at cells
// («svarskjema.xlsx: Svar!G14: …»). Other workbooks (reports) are skipped
// where questionnaires are.
func loadWorkbook(path string, data []byte, qs *Source, opt Options) File {
	l := File{Path: path}
	sheet, err := answersheet.Open(path, data)
	var other *answersheet.OtherWorkbookError
	if errors.As(err, &other) && opt.SkipQuestionnaires {
		l.Skipped = true // a report beside the answers, say
		return l
	}
	if err != nil {
		l.Diags = cli.AsDiagnostics(path, err)
		return l
	}
	ref := sheet.Questionnaire()
	if ref.ID == "" {
		l.Diags = sheet.Diagnostics(nil)
		return l
	}
	q, err := qs.For(ref)
	if err != nil {
		l.Diags = append(sheet.Diagnostics(nil), cli.AsDiagnostics(path, err)...)
		return l
	}
	l.Questionnaire = q
	l.Answers = sheet.Answers(q)
	var ds assessment.Diagnostics
	l.Checked, ds = l.Answers.Check(q, opt.Check)
	l.Diags = sheet.Diagnostics(ds)
	return l
}
