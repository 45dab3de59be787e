package answersheet

import (
	"bytes"
	"cmp"
	"fmt"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// Limits on reading a workbook, so that a zip bomb cannot exhaust memory.
const (
	maxUnzipSize    = 64 << 20
	maxUnzipXMLSize = 32 << 20
	maxSheetRows    = 20_000
)

// Workbook is an answer workbook opened for reading. Its problems are
// diagnostics positioned at cells: File is the workbook and Path the cell,
// such as «Svar!G14».
type Workbook struct {
	file  string
	ref   assessment.QuestionnaireRef
	about [][]string
	rows  [][]string // of the Svar sheet
	plans [][]string // of the Planer sheet, nil when it is missing
	// The sheets' names as the workbook has them, in either language.
	aboutName, answersName, plansName string
	diags                             []cellDiag
	// at maps the YAML path of a field (as Answers.Check names it) to the
	// cell it was read from.
	at map[string]cellPos
}

// cellPos is a cell; rank orders the sheets Om, Svar, Planer.
type cellPos struct {
	sheet    string
	rank     int
	col, row int // 1-based; 0 for the whole sheet or row
}

// Ranks of the sheets, in the order their problems are listed; problems
// of the whole workbook come first.
const (
	rankAbout = iota + 1
	rankAnswers
	rankPlans
)

func (p cellPos) String() string {
	switch {
	case p.row == 0:
		return p.sheet
	case p.col == 0:
		return fmt.Sprintf("%s!%d", p.sheet, p.row)
	}
	return p.sheet + "!" + sheet.Cell(p.col, p.row)
}

// Cells of each sheet.
func (s *Workbook) aboutAt(col, row int) cellPos { return cellPos{s.aboutName, rankAbout, col, row} }
func (s *Workbook) answersAt(col, row int) cellPos {
	return cellPos{s.answersName, rankAnswers, col, row}
}
func (s *Workbook) plansAt(col, row int) cellPos { return cellPos{s.plansName, rankPlans, col, row} }

type cellDiag struct {
	pos cellPos
	d   assessment.Diagnostic
}

// OtherWorkbookError says that a workbook is not an answer workbook (it
// may be a report), so that a batch can pass over it.
type OtherWorkbookError struct {
	File   string
	Sheets []string
}

// Msg is the error from the catalogues.
func (e *OtherWorkbookError) Msg() lang.Msg {
	return lang.M("answersheet-other-workbook", "Sheets", strings.Join(e.Sheets, ", "), "About", sheetAbout, "Answers", sheetAnswers)
}

func (e *OtherWorkbookError) Error() string { return e.Msg().String() }

// diagnostic is a catalogue message about a workbook or one of its cells.
func diagnostic(file, path string, msg lang.Msg) assessment.Diagnostic {
	return assessment.Diagnostic{File: file, Path: path, Message: msg.String(), Msg: msg}
}

// findSheet is the name of the sheet called m in either language, "" when
// the workbook has none.
func findSheet(sheets []string, m lang.Msg) string {
	for _, sh := range sheets {
		if is(sh, m) {
			return sh
		}
	}
	return ""
}

// Magic numbers: an .xlsx is a zip archive; an Excel 97–2003 workbook
// (.xls), and an .xlsx saved with a password (its zip encrypted inside),
// are OLE2 compound files.
var (
	zipMagic      = []byte("PK\x03\x04")
	compoundMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// IsSpreadsheet reports whether data is an Excel file, by its first bytes:
// an .xlsx, an .xls or a password-protected .xlsx. Open says what to do
// with the ones it cannot read.
func IsSpreadsheet(data []byte) bool {
	return bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, compoundMagic)
}

// compoundFileProblem says why an OLE2 compound file cannot be read and
// what to do. The streams are named in UTF-16 in the file's directory.
func compoundFileProblem(data []byte) lang.Msg {
	has := func(name string) bool {
		u := make([]byte, 0, 2*len(name))
		for _, c := range []byte(name) {
			u = append(u, c, 0)
		}
		return bytes.Contains(data, u)
	}
	switch {
	case has("EncryptedPackage"):
		return lang.M("answersheet-password")
	case has("Workbook") || has("Book"):
		return lang.M("answersheet-xls")
	}
	return lang.M("answersheet-office")
}

// Open reads the workbook in data (named file in messages) and
// finds which questionnaire it answers. The error is an
// *OtherWorkbookError for a workbook that is no answer workbook, and
// assessment.Diagnostics when it cannot be read at all; other problems
// come from Diagnostics.
func Open(file string, data []byte) (*Workbook, error) {
	if bytes.HasPrefix(data, compoundMagic) {
		return nil, assessment.Diagnostics{diagnostic(file, "", compoundFileProblem(data))}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxUnzipSize, UnzipXMLSizeLimit: maxUnzipXMLSize,
	})
	if err != nil {
		return nil, assessment.Diagnostics{diagnostic(file, "", lang.M("answersheet-unreadable"))}
	}
	defer f.Close()
	s := &Workbook{file: file, at: make(map[string]cellPos)}
	sheets := f.GetSheetList()
	s.aboutName, s.answersName, s.plansName = findSheet(sheets, sheetAbout), findSheet(sheets, sheetAnswers), findSheet(sheets, sheetPlans)
	if s.aboutName == "" && customRef(f) == "" {
		return nil, &OtherWorkbookError{File: file, Sheets: sheets}
	}
	if s.answersName == "" {
		return nil, assessment.Diagnostics{diagnostic(file, "", lang.M("answersheet-no-answers-sheet", "Answers", sheetAnswers))}
	}
	var msg lang.Msg
	if s.rows, msg = readRows(f, s.answersName); msg.ID != "" {
		return nil, assessment.Diagnostics{diagnostic(file, s.answersName, msg)}
	}
	if s.aboutName != "" {
		if s.about, msg = readRows(f, s.aboutName); msg.ID != "" {
			s.errorf(s.aboutAt(0, 0), msg)
		}
	} else {
		s.aboutName = sheetAbout.String()
		s.errorf(cellPos{}, lang.M("answersheet-no-about-sheet", "About", sheetAbout))
	}
	// Workbooks from before the Planer sheet have none, which is no error.
	if s.plansName != "" {
		if s.plans, msg = readRows(f, s.plansName); msg.ID != "" {
			s.errorf(s.plansAt(0, 0), msg)
		}
	}
	s.readRef(f)
	return s, nil
}

// customRef is the questionnaire id@version in the document's custom
// properties, "" when there is none.
func customRef(f *excelize.File) string {
	props, err := f.GetCustomProps()
	if err != nil {
		return ""
	}
	for _, p := range props {
		if v, ok := p.Value.(string); ok && p.Name == customPropQuestionnaire {
			return v
		}
	}
	return ""
}

func readRows(f *excelize.File, name string) ([][]string, lang.Msg) {
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, lang.M("answersheet-sheet-unreadable", "Err", err.Error())
	}
	if len(rows) > maxSheetRows {
		return nil, lang.M("answersheet-sheet-too-long", "Rows", len(rows), "Max", maxSheetRows)
	}
	return rows, lang.Msg{}
}

// Questionnaire is the questionnaire the workbook names; its ID is empty
// when the workbook names none (that is reported).
func (s *Workbook) Questionnaire() assessment.QuestionnaireRef { return s.ref }

func (s *Workbook) errorf(p cellPos, msg lang.Msg) {
	s.diags = append(s.diags, cellDiag{p, diagnostic(s.file, p.String(), msg)})
}

// readRef finds «Spørreskjema: id@version» on the Om sheet, else in the
// document's custom properties.
func (s *Workbook) readRef(f *excelize.File) {
	pos, v, found := s.aboutValue(aboutQuestionnaire)
	if !found || v == "" {
		v = customRef(f)
	}
	if v == "" {
		if s.about != nil {
			s.errorf(cmp.Or(pos, s.aboutAt(0, 0)), lang.M("answersheet-no-questionnaire", "Label", aboutQuestionnaire, "About", sheetAbout))
		}
		return
	}
	id, version, ok := strings.Cut(v, "@")
	if !ok || id == "" || version == "" {
		s.errorf(pos, lang.M("answersheet-questionnaire-no-version", "Value", v))
		return
	}
	s.ref = assessment.QuestionnaireRef{ID: id, Version: version}
	s.at["questionnaire.id"] = pos
	s.at["questionnaire.version"] = pos
}

// aboutValue finds the row labelled label in column A of the Om sheet and
// returns the value beside it.
func (s *Workbook) aboutValue(label lang.Msg) (cellPos, string, bool) {
	for i, r := range s.about {
		if len(r) > 0 && is(r[0], label) {
			return s.aboutAt(2, i+1), cellText(r, 1), true
		}
	}
	return cellPos{}, "", false
}

// cellText returns the trimmed cell i of a row, "" beyond its end.
func cellText(r []string, i int) string {
	if i < 0 || i >= len(r) {
		return ""
	}
	return strings.TrimSpace(r[i])
}

// normLabel folds case and runs of white space, so that a label typed by
// hand matches the one in the list.
func normLabel(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " "))
}

func sameLabel(a, b string) bool { return normLabel(a) == normLabel(b) }

// isRespondent reports whether a label is «Respondent 3» in either
// language.
func isRespondent(label string) bool {
	label = normLabel(label)
	for _, r := range spellings(aboutRespondent) {
		if n, ok := strings.CutPrefix(label, normLabel(r)); ok {
			n = strings.TrimSpace(n)
			_, err := strconv.Atoi(n)
			return n != "" && err == nil && !strings.ContainsAny(n, "+-")
		}
	}
	return false
}

// lower is a label as it stands inside a sentence: «mangler kommunenummer».
func lower(m lang.Msg) lang.Func {
	return func(p *lang.Printer) string { return strings.ToLower(m.In(p)) }
}

// Answers reads the answers for q. Problems found while reading are kept
// for Diagnostics; answers that cannot be read are left out.
func (s *Workbook) Answers(q *assessment.Questionnaire) *assessment.Answers {
	a := &assessment.Answers{Kind: assessment.KindAnswers, Questionnaire: s.ref, File: s.file}
	if s.about != nil {
		s.readAbout(q, a)
	}
	if s.ref.ID != "" && s.ref.ID != q.ID {
		return a // Check says so; the rows would not match the questionnaire
	}
	s.readAnswers(q, a)
	if s.plans != nil {
		s.readPlans(a)
	}
	return a
}

func (s *Workbook) readAbout(q *assessment.Questionnaire, a *assessment.Answers) {
	required := func(label lang.Msg, path string) (cellPos, string) {
		pos, v, ok := s.aboutValue(label)
		if !ok {
			s.errorf(s.aboutAt(0, 0), lang.M("answersheet-row-missing", "Label", label))
			return pos, ""
		}
		s.at[path] = pos
		if v == "" {
			s.errorf(pos, lang.M("answersheet-value-missing", "What", lower(label), "Label", label))
		}
		return pos, v
	}
	pos, name := required(aboutName, "municipality.name")
	if !s.tooLong(pos, name) {
		a.Municipality.Name = name
	}
	_, nr := required(aboutNumber, "municipality.number")
	// Answers.Check judges the number, by the same rule as for files.
	a.Municipality.Number = nr
	pos, date := required(aboutDate, "date")
	if date != "" {
		if t, ok := parseCellDate(date); ok {
			a.Date = assessment.NewDate(t)
		} else {
			s.errorf(pos, lang.M("answersheet-date-invalid", "Value", date))
		}
	}

	targetsFrom := 0
	for i, r := range s.about {
		row := i + 1
		switch {
		case isRespondent(cellText(r, 0)):
			name, role, email := cellText(r, 1), cellText(r, 2), cellText(r, 3)
			if name == "" && role == "" && email == "" {
				continue
			}
			if s.tooLong(s.aboutAt(2, row), name) || s.tooLong(s.aboutAt(3, row), role) || s.tooLong(s.aboutAt(4, row), email) {
				continue
			}
			if name == "" {
				s.errorf(s.aboutAt(2, row), lang.M("answersheet-respondent-no-name"))
			}
			if email != "" {
				if m, err := mail.ParseAddress(email); err != nil || m.Address != email {
					s.errorf(s.aboutAt(4, row), lang.M("answersheet-email-invalid", "Value", email))
				}
			}
			a.Respondents = append(a.Respondents, assessment.Respondent{Name: name, Role: role, Email: email})
		case is(cellText(r, 0), aboutTargetArea) && is(cellText(r, 2), aboutTargetID):
			targetsFrom = row + 1
		}
	}
	if targetsFrom > 0 {
		s.readTargets(q, a, targetsFrom)
	}
}

// readTargets reads the table of the municipality's own targets, whose
// rows carry the area id in column C, from row start until a row has none.
func (s *Workbook) readTargets(q *assessment.Questionnaire, a *assessment.Answers, start int) {
	for i := start - 1; i < len(s.about); i++ {
		r := s.about[i]
		area := cellText(r, 2)
		if area == "" {
			return
		}
		v := cellText(r, 1)
		if v == "" {
			continue
		}
		pos := s.aboutAt(2, i+1)
		path := "targets." + area
		s.at[path] = pos
		target, ok := assessment.ScaleValue(q, v)
		if !ok {
			scale := lang.Func(func(p *lang.Printer) string { return strings.Join(scaleLabels(p, q), ", ") })
			s.errorf(pos, lang.M("answersheet-target-not-on-scale", "Value", v, "Scale", scale))
			continue
		}
		if a.Targets == nil {
			a.Targets = make(map[string]float64)
		}
		a.Targets[area] = target
	}
}

// tooLong reports a text longer than answer files allow, which would make
// the answers unreadable once written as YAML.
func (s *Workbook) tooLong(p cellPos, v string) bool {
	if utf8.RuneCountInString(v) <= assessment.MaxTextLen {
		return false
	}
	s.errorf(p, lang.M("answersheet-text-too-long", "Max", assessment.MaxTextLen))
	return true
}

// parseCellDate reads a date cell: a spreadsheet date (a day number), or
// text in ISO or Norwegian form.
func parseCellDate(v string) (time.Time, bool) {
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		return excelDate(f)
	}
	for _, layout := range []string{time.DateOnly, "2.1.2006", "02.01.2006", time.RFC3339, "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// excelDate reads a spreadsheet's day number as a date.
func excelDate(f float64) (time.Time, bool) {
	if f < 1 || f > 2958465 {
		return time.Time{}, false
	}
	t, err := excelize.ExcelDateToTime(f, false)
	return t, err == nil
}

// findHeader finds the header row of a table (within its first rows) and
// the columns under each of heads (0-based; -1 when missing). The row is
// the first that has one of the first two heads.
func findHeader(rows [][]string, heads ...lang.Msg) (int, []int) {
	cols := make([]int, len(heads))
	for i, r := range rows[:min(len(rows), 10)] {
		for k := range cols {
			cols[k] = -1
		}
		for j, c := range r {
			for k, h := range heads {
				if cols[k] < 0 && is(c, h) {
					cols[k] = j
				}
			}
		}
		if cols[0] >= 0 || len(cols) > 1 && cols[1] >= 0 {
			return i, cols
		}
	}
	for k := range cols {
		cols[k] = -1
	}
	return -1, cols
}

func (s *Workbook) readAnswers(q *assessment.Questionnaire, a *assessment.Answers) {
	header, cols := findHeader(s.rows, headID, headAnswer, headComment, headBy, headEvidence)
	colID, colAns, colCom, colBy, colEv := cols[0], cols[1], cols[2], cols[3], cols[4]
	if colID < 0 {
		s.errorf(s.answersAt(0, 0), lang.M("answersheet-no-id-column", "ID", headID))
		return
	}
	if colAns < 0 {
		s.errorf(s.answersAt(0, header+1), lang.M("answersheet-no-answer-column", "Answer", headAnswer))
		return
	}
	twice := func(id string, first int) lang.Msg {
		return lang.M("answersheet-question-twice", "ID", id, "Row", first)
	}
	s.eachRow(s.rows, header, colID, s.answersAt, twice, func(r []string, row int, id string) {
		value, comment, by, evidence := cellText(r, colAns), cellText(r, colCom), cellText(r, colBy), cellText(r, colEv)
		if value == "" && comment == "" && by == "" && evidence == "" {
			return
		}
		pos := s.answersAt(colAns+1, row)
		if s.tooLong(pos, value) || s.tooLong(s.answersAt(colCom+1, row), comment) ||
			s.tooLong(s.answersAt(colBy+1, row), by) || s.tooLong(s.answersAt(colEv+1, row), evidence) {
			return
		}
		// Answers.Check reads the text, by the same rules as for files, and
		// reports unknown ids with «mente du …?» and --ignore-unknown.
		if _, _, known := q.Question(id); known {
			s.at["answers."+id] = pos
		} else {
			s.at["answers."+id] = s.answersAt(colID+1, row)
		}
		a.Answers.Set(id, &assessment.Answer{Empty: value == "", Scalar: value, Comment: comment, By: by, Evidence: splitEvidence(evidence)})
	})
}

// eachRow calls fn with each row of a table below its header that has an
// id in column colID (0-based), the first time the id appears; a later row
// with the same id is reported at its id cell (at gives the cells of the
// table's sheet) with the message twice makes.
func (s *Workbook) eachRow(rows [][]string, header, colID int, at func(col, row int) cellPos, twice func(id string, first int) lang.Msg, fn func(r []string, row int, id string)) {
	seen := make(map[string]int)
	for i := header + 1; i < len(rows); i++ {
		r, row := rows[i], i+1
		id := cellText(r, colID)
		if id == "" {
			continue
		}
		if first, dup := seen[id]; dup {
			s.errorf(at(colID+1, row), twice(id, first))
			continue
		}
		seen[id] = row
		fn(r, row, id)
	}
}

// splitEvidence reads the evidence cell: items separated by «;», trimmed,
// the empty ones left out.
func splitEvidence(cell string) []string {
	var out []string
	for _, e := range strings.Split(cell, assessment.ListSep) {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// readPlans reads the Planer sheet into a.Plans: a row per plan, found by
// the plan id, with when it was last adopted, when it is next revised and
// how it stands. A row with none of them says nothing. Answers.Check
// judges the plan ids, and its messages land on the cells too.
func (s *Workbook) readPlans(a *assessment.Answers) {
	header, cols := findHeader(s.plans, headID, headAdopted, headNext, headStatus)
	colID, colAdopted, colNext, colStatus := cols[0], cols[1], cols[2], cols[3]
	if colID < 0 {
		s.errorf(s.plansAt(0, 0), lang.M("answersheet-plans-no-id-column", "ID", headID))
		return
	}
	twice := func(id string, first int) lang.Msg {
		return lang.M("answersheet-plan-twice", "ID", id, "Row", first)
	}
	s.eachRow(s.plans, header, colID, s.plansAt, twice, func(r []string, row int, id string) {
		adopted, next, status := cellText(r, colAdopted), cellText(r, colNext), cellText(r, colStatus)
		if adopted == "" && next == "" && status == "" {
			return
		}
		path := "plans." + id
		s.at[path] = s.plansAt(colID+1, row)
		var st assessment.PlanStatus
		if adopted != "" {
			s.at[path+".adopted"] = s.plansAt(colAdopted+1, row)
			st.Adopted = s.readWhen(s.plansAt(colAdopted+1, row), adopted, true)
		}
		if next != "" {
			s.at[path+".next"] = s.plansAt(colNext+1, row)
			st.Next = s.readWhen(s.plansAt(colNext+1, row), next, false)
		}
		if status != "" && !s.tooLong(s.plansAt(colStatus+1, row), status) {
			s.at[path+".status"] = s.plansAt(colStatus+1, row)
			st.Status = status
		}
		if a.Plans == nil {
			a.Plans = make(map[string]assessment.PlanStatus)
		}
		a.Plans[id] = st
	})
}

// readWhen reads a year, a month or (with allowDay) a date from a cell:
// text as a person types it, read by assessment.ParseYearMonth, or a date
// the spreadsheet program made of it. A date in the «next» column is read
// as its month, since a program may turn 2027-06 into 1 June 2027.
func (s *Workbook) readWhen(pos cellPos, v string, allowDay bool) assessment.YearMonth {
	if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 10_000 {
		if t, ok := excelDate(f); ok {
			v = t.Format(time.DateOnly)
			if !allowDay {
				v = t.Format("2006-01")
			}
		}
	}
	ym, msg := assessment.ParseYearMonthMsg(v, allowDay)
	if msg.ID != "" {
		s.errorf(pos, msg)
	}
	return ym
}

// Diagnostics returns the problems found while reading, together with
// those of Answers.Check (checked), placed at the cells the fields came
// from, in sheet and row order.
func (s *Workbook) Diagnostics(checked assessment.Diagnostics) assessment.Diagnostics {
	all := slices.Clone(s.diags)
	for _, d := range checked {
		pos, ok := s.at[d.Path]
		if ok {
			d.Path = pos.String()
			d.Line, d.Column = 0, 0
		}
		d.File = s.file
		all = append(all, cellDiag{pos, d})
	}
	slices.SortStableFunc(all, func(a, b cellDiag) int {
		return cmp.Or(cmp.Compare(a.pos.rank, b.pos.rank),
			cmp.Compare(a.pos.row, b.pos.row), cmp.Compare(a.pos.col, b.pos.col))
	})
	ds := make(assessment.Diagnostics, len(all))
	for i, c := range all {
		ds[i] = c.d
	}
	return ds
}
