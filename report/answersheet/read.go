package answersheet

import (
	"bytes"
	"cmp"
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sirkel/sirkel/assessment"
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
	rows  [][]string // of the Svar sheet, nil when it is missing
	diags []cellDiag
	// at maps the YAML path of a field (as Answers.Check names it) to the
	// cell it was read from.
	at map[string]cellPos
}

// cellPos is a cell; sheet orders Om before Svar.
type cellPos struct {
	sheet    string
	col, row int // 1-based; 0 for the whole sheet or row
}

func (p cellPos) String() string {
	switch {
	case p.row == 0:
		return p.sheet
	case p.col == 0:
		return fmt.Sprintf("%s!%d", p.sheet, p.row)
	}
	return p.sheet + "!" + sheet.Cell(p.col, p.row)
}

func (p cellPos) sheetRank() int {
	switch p.sheet {
	case "":
		return 0
	case sheetAbout:
		return 1
	case sheetAnswers:
		return 2
	}
	return 3
}

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

func (e *OtherWorkbookError) Error() string {
	return fmt.Sprintf("arbeidsboken er ikke et svarskjema fra «sirkel template» (den har arkene %s, ikke «%s» og «%s»)",
		strings.Join(e.Sheets, ", "), sheetAbout, sheetAnswers)
}

// Open reads the workbook in data (named file in messages) and
// finds which questionnaire it answers. The error is an
// *OtherWorkbookError for a workbook that is no answer workbook, and
// assessment.Diagnostics when it cannot be read at all; other problems
// come from Diagnostics.
func Open(file string, data []byte) (*Workbook, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxUnzipSize, UnzipXMLSizeLimit: maxUnzipXMLSize,
	})
	if err != nil {
		return nil, assessment.Diagnostics{{File: file, Message: "kan ikke lese Excel-filen: den er ødelagt, passordbeskyttet eller ikke lagret som .xlsx; lagre den på nytt som Excel-arbeidsbok (.xlsx) uten passord"}}
	}
	defer f.Close()
	s := &Workbook{file: file, at: make(map[string]cellPos)}
	sheets := f.GetSheetList()
	if !slices.Contains(sheets, sheetAbout) && customRef(f) == "" {
		return nil, &OtherWorkbookError{File: file, Sheets: sheets}
	}
	if !slices.Contains(sheets, sheetAnswers) {
		return nil, assessment.Diagnostics{{File: file, Message: fmt.Sprintf("arbeidsboken har ikke arket «%s» med svarene; lag et nytt svarskjema med «sirkel template» og kopier svarene dit", sheetAnswers)}}
	}
	if s.rows, err = readRows(f, sheetAnswers); err != nil {
		return nil, assessment.Diagnostics{{File: file, Path: sheetAnswers, Message: err.Error()}}
	}
	if slices.Contains(sheets, sheetAbout) {
		if s.about, err = readRows(f, sheetAbout); err != nil {
			s.errorf(cellPos{sheet: sheetAbout}, "%s", err)
		}
	} else {
		s.errorf(cellPos{}, "arbeidsboken har ikke arket «%s», som sier hvilken kommune og hvilket spørreskjema svarene gjelder; lag et nytt svarskjema med «sirkel template» og kopier svarene dit", sheetAbout)
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

func readRows(f *excelize.File, name string) ([][]string, error) {
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("kan ikke lese arket: %s", err)
	}
	if len(rows) > maxSheetRows {
		return nil, fmt.Errorf("arket har %d rader; et svarskjema har én rad per spørsmål (høyst %d rader leses)", len(rows), maxSheetRows)
	}
	return rows, nil
}

// Questionnaire is the questionnaire the workbook names; its ID is empty
// when the workbook names none (that is reported).
func (s *Workbook) Questionnaire() assessment.QuestionnaireRef { return s.ref }

func (s *Workbook) errorf(p cellPos, format string, args ...any) {
	s.diags = append(s.diags, cellDiag{p, assessment.Diagnostic{File: s.file, Path: p.String(), Message: fmt.Sprintf(format, args...)}})
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
			s.errorf(cmp.Or(pos, cellPos{sheet: sheetAbout}), "fant ikke hvilket spørreskjema svarene gjelder (cellen ved «%s» på arket «%s», for eksempel ks-sirkulaer@2026.1)", aboutQuestionnaire, sheetAbout)
		}
		return
	}
	id, version, ok := strings.Cut(v, "@")
	if !ok || id == "" || version == "" {
		s.errorf(pos, "«%s» sier ikke hvilket spørreskjema og hvilken versjon svarene gjelder; skriv id@versjon, for eksempel ks-sirkulaer@2026.1", v)
		return
	}
	s.ref = assessment.QuestionnaireRef{ID: id, Version: version}
	s.at["questionnaire.id"] = pos
	s.at["questionnaire.version"] = pos
}

// aboutValue finds the row labelled label in column A of the Om sheet and
// returns the value beside it.
func (s *Workbook) aboutValue(label string) (cellPos, string, bool) {
	for i, r := range s.about {
		if len(r) > 0 && sameLabel(r[0], label) {
			return cellPos{sheetAbout, 2, i + 1}, cellText(r, 1), true
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

var reRespondent = regexp.MustCompile(`^(?i)respondent\s*\d+$`)

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
	return a
}

func (s *Workbook) readAbout(q *assessment.Questionnaire, a *assessment.Answers) {
	required := func(label, path string) (cellPos, string) {
		pos, v, ok := s.aboutValue(label)
		if !ok {
			s.errorf(cellPos{sheet: sheetAbout}, "fant ikke raden «%s» i kolonne A; den er påkrevd", label)
			return pos, ""
		}
		s.at[path] = pos
		if v == "" {
			s.errorf(pos, "mangler %s; fyll inn cellen ved «%s»", strings.ToLower(label), label)
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
			s.errorf(pos, "«%s» er ikke en dato; skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-11-20", date)
		}
	}

	targetsFrom := 0
	for i, r := range s.about {
		row := i + 1
		switch {
		case reRespondent.MatchString(cellText(r, 0)):
			name, role, email := cellText(r, 1), cellText(r, 2), cellText(r, 3)
			if name == "" && role == "" && email == "" {
				continue
			}
			if s.tooLong(cellPos{sheetAbout, 2, row}, name) || s.tooLong(cellPos{sheetAbout, 3, row}, role) || s.tooLong(cellPos{sheetAbout, 4, row}, email) {
				continue
			}
			if name == "" {
				s.errorf(cellPos{sheetAbout, 2, row}, "mangler navnet på respondenten; skriv navnet, eller tøm hele raden")
			}
			if email != "" {
				if m, err := mail.ParseAddress(email); err != nil || m.Address != email {
					s.errorf(cellPos{sheetAbout, 4, row}, "«%s» er ikke en e-postadresse; skriv for eksempel kari.nordmann@kommune.no, eller la cellen stå tom", email)
				}
			}
			a.Respondents = append(a.Respondents, assessment.Respondent{Name: name, Role: role, Email: email})
		case sameLabel(cellText(r, 0), aboutTargetArea) && sameLabel(cellText(r, 2), aboutTargetID):
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
		pos := cellPos{sheetAbout, 2, i + 1}
		path := "targets." + area
		s.at[path] = pos
		target, ok := assessment.ScaleValue(q, v)
		if !ok {
			s.errorf(pos, "«%s» er ikke et nivå på skalaen; velg i listen: %s, eller la cellen stå tom", v, strings.Join(scaleLabels(q), ", "))
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
	s.errorf(p, "teksten er for lang (over %d tegn); skriv den kortere", assessment.MaxTextLen)
	return true
}

// parseCellDate reads a date cell: a spreadsheet date (a day number), or
// text in ISO or Norwegian form.
func parseCellDate(v string) (time.Time, bool) {
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		if f < 1 || f > 2958465 {
			return time.Time{}, false
		}
		t, err := excelize.ExcelDateToTime(f, false)
		return t, err == nil
	}
	for _, layout := range []string{time.DateOnly, "2.1.2006", "02.01.2006", time.RFC3339, "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// findColumns finds the header row of the Svar sheet (within its first
// rows) and the columns named id, Svar and Kommentar (0-based; -1 when
// missing).
func (s *Workbook) findColumns() (header, id, answer, comment int) {
	for i, r := range s.rows[:min(len(s.rows), 10)] {
		id, answer, comment = -1, -1, -1
		for j, c := range r {
			switch {
			case sameLabel(c, headID):
				id = j
			case sameLabel(c, headAnswer):
				answer = j
			case sameLabel(c, headComment):
				comment = j
			}
		}
		if id >= 0 || answer >= 0 {
			return i, id, answer, comment
		}
	}
	return -1, -1, -1, -1
}

func (s *Workbook) readAnswers(q *assessment.Questionnaire, a *assessment.Answers) {
	header, colID, colAns, colCom := s.findColumns()
	if colID < 0 {
		s.errorf(cellPos{sheet: sheetAnswers}, "fant ingen kolonne med overskriften «%s» i de første radene; sirkel finner spørsmålene med den. Sett inn kolonnen «%s» med spørsmålenes id igjen (den finnes i et nytt svarskjema fra «sirkel template»)", headID, headID)
		return
	}
	if colAns < 0 {
		s.errorf(cellPos{sheetAnswers, 0, header + 1}, "fant ingen kolonne med overskriften «%s» i overskriftsraden; svarene leses fra den kolonnen", headAnswer)
		return
	}
	seen := make(map[string]int)
	for i := header + 1; i < len(s.rows); i++ {
		r, row := s.rows[i], i+1
		id := cellText(r, colID)
		if id == "" {
			continue
		}
		if first, dup := seen[id]; dup {
			s.errorf(cellPos{sheetAnswers, colID + 1, row}, "spørsmålet «%s» står også i rad %d; hvert spørsmål skal stå i én rad", id, first)
			continue
		}
		seen[id] = row
		value, comment := cellText(r, colAns), ""
		if colCom >= 0 && colCom < len(r) {
			comment = strings.TrimSpace(r[colCom])
		}
		if value == "" && comment == "" {
			continue
		}
		pos := cellPos{sheetAnswers, colAns + 1, row}
		if s.tooLong(pos, value) || s.tooLong(cellPos{sheetAnswers, colCom + 1, row}, comment) {
			continue
		}
		// Answers.Check reads the text, by the same rules as for files, and
		// reports unknown ids with «mente du …?» and --ignore-unknown.
		if _, _, known := q.Question(id); known {
			s.at["answers."+id] = pos
		} else {
			s.at["answers."+id] = cellPos{sheetAnswers, colID + 1, row}
		}
		a.Answers.Set(id, &assessment.Answer{Empty: value == "", Scalar: value, Comment: comment})
	}
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
		return cmp.Or(cmp.Compare(a.pos.sheetRank(), b.pos.sheetRank()),
			cmp.Compare(a.pos.row, b.pos.row), cmp.Compare(a.pos.col, b.pos.col))
	})
	ds := make(assessment.Diagnostics, len(all))
	for i, c := range all {
		ds[i] = c.d
	}
	return ds
}
