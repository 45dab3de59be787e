package batch

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/answersheet"
)

// isWorkbook tells an Excel file from YAML by its first bytes, whatever
// its name; answersheet.Open says what to do with one it cannot read.
func isWorkbook(data []byte) bool {
	return answersheet.IsSpreadsheet(data)
}

// spreadsheetExts are names that promise an Excel file.
var spreadsheetExts = []string{".xlsx", ".xls"}

// misnamedText is the problem of a file named as a workbook whose content
// is text (YAML, CSV …), which must not be read as YAML unnoticed; the
// zero Msg when the name promises no workbook.
func misnamedText(path string, data []byte) lang.Msg {
	ext := strings.ToLower(filepath.Ext(path))
	if path == cli.StdinName || !slices.Contains(spreadsheetExts, ext) {
		return lang.Msg{}
	}
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return lang.M("batch-misnamed-binary", "Ext", ext)
	}
	return lang.M("batch-misnamed-text", "Ext", ext)
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
