package scores

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/internal/fixture"
	"github.com/xuri/excelize/v2"
)

// csvFiles are the results the CSV tests write: 2026.2 with windows,
// 2026.1 without, partial answers (uncertain, empty areas) and a
// fylkeskommune.
var csvFiles = []string{"oyer-3440-2026.2.yaml", "oyer-3440.yaml", "partial-3440.yaml", "vestland-46.yaml"}

func csvResults(t *testing.T) []*assessment.Result {
	t.Helper()
	var rs []*assessment.Result
	for _, f := range csvFiles {
		rs = append(rs, fixture.Result(t, "../../testdata/"+f))
	}
	return rs
}

// writeCSV writes the results with a writer for the first one's
// questionnaire.
func writeCSV(t *testing.T, newWriter func(*bytes.Buffer, *assessment.Questionnaire) *CSVWriter, rs []*assessment.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	w := newWriter(&b, rs[0].Questionnaire)
	for i, r := range rs {
		w.Add(csvFiles[i], r)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The plain CSV keeps its columns as they were and adds uncertain and
// next_window at the end.
func TestPlainCSVAddsColumnsAtTheEnd(t *testing.T) {
	out := writeCSV(t, func(b *bytes.Buffer, q *assessment.Questionnaire) *CSVWriter { return NewCSVWriter(b, q) }, csvResults(t))
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"file", "kommunenummer", "name", "total", "level", "coverage", "styring", "naering", "bygg", "transport", "mat", "avfall", "skog", "uncertain", "next_window"},
		// The earliest next window of the top five gaps (virksomhetsplan).
		{"oyer-3440-2026.2.yaml", "3440", "Øyer", "40.83002975245519", "Forankret", "0.9795918367346939", "43.29545454545455", "30.21875", "45.588235294117645", "31.73913043478261", "41.25", "56.218637992831546", "37.5", "false", "2027-01"},
		{"oyer-3440.yaml", "3440", "Øyer", "39.09502892255505", "Utforskende", "1", "42.36585365853659", "22.5", "46.15384615384615", "25.238095238095237", "41.25", "63.6574074074074", "32.5", "false", ""},
		{"partial-3440.yaml", "3440", "Øyer", "54.77614379084967", "Etablerende", "0.14285714285714285", "51.88235294117647", "", "75", "", "29.999999999999996", "62.22222222222222", "", "true", ""},
	}
	sameRows(t, rows, want)
	if got := rows[4][13:]; strings.Join(got, ",") != "false,2027-06" {
		t.Errorf("vestland uncertain, next_window = %q", got)
	}
}

// sameRows compares the first len(want) rows of a CSV.
func sameRows(t *testing.T, rows, want [][]string) {
	t.Helper()
	for i, w := range want {
		if i >= len(rows) || !slices.Equal(rows[i], w) {
			t.Errorf("row %d:\n got %q\nwant %q", i, rows[min(i, len(rows)-1)], w)
		}
	}
}

// readSpreadsheetCSV checks what makes the dialect open by a double click
// (byte order mark, CRLF) and reads its cells.
func readSpreadsheetCSV(t *testing.T, out []byte) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(out, []byte("\uFEFF"))
	if !ok {
		t.Fatalf("no UTF-8 byte order mark: %q", out[:min(len(out), 20)])
	}
	if n, crlf := bytes.Count(body, []byte("\n")), bytes.Count(body, []byte("\r\n")); n != crlf {
		t.Errorf("%d of %d lines end in CRLF", crlf, n)
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// decimalComma reads a number written with a decimal comma.
func decimalComma(t *testing.T, s string) float64 {
	t.Helper()
	if strings.Contains(s, ".") {
		t.Fatalf("%q has a decimal point", s)
	}
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var spreadsheetHeader = []string{"Fil", "Kommunenummer", "Kommune", "Totalskår", "Nivå", "Dekning (%)", "Usikker", "Neste anledning",
	"Styrings- og ledelsesprosesser", "Industri- og næringsutvikling", "Bygg, areal og infrastruktur",
	"Grønn transport og mobilitet", "Matsystemet", "Avfall, avløp og gjenvinning", "Skogbaserte verdikjeder"}

func TestSpreadsheetCSV(t *testing.T) {
	rs := csvResults(t)
	rows := readSpreadsheetCSV(t, writeCSV(t, func(b *bytes.Buffer, q *assessment.Questionnaire) *CSVWriter { return NewSpreadsheetCSVWriter(b, q) }, rs))
	want := [][]string{
		spreadsheetHeader,
		{"oyer-3440-2026.2.yaml", "3440", "Øyer", "40,8", "Forankret", "98", "nei", "januar 2027 – Virksomhetsplan", "43,3", "30,2", "45,6", "31,7", "41,2", "56,2", "37,5"},
		{"oyer-3440.yaml", "3440", "Øyer", "39,1", "Utforskende", "100", "nei", "ukjent", "42,4", "22,5", "46,2", "25,2", "41,2", "63,7", "32,5"},
		{"partial-3440.yaml", "3440", "Øyer", "54,8", "Etablerende", "14", "ja", "ukjent", "51,9", "", "75,0", "", "30,0", "62,2", ""},
		{"vestland-46.yaml", "46", "Vestland", "48,3", "Forankret", "95", "nei", "juni 2027 – Årsberetning", "51,0", "53,4", "51,9", "51,7", "38,6", "49,0", "42,3"},
	}
	sameRows(t, rows, want)
	// The numbers are the scores, one decimal.
	for i, r := range rs {
		if got := decimalComma(t, rows[i+1][3]); got != oneDecimal(r.Total.Value) {
			t.Errorf("%s: total %v, want %v rounded", csvFiles[i], got, r.Total.Value)
		}
	}

	// Text that a spreadsheet would run as a formula is defused.
	r := formulaName(t)
	var b bytes.Buffer
	w := NewSpreadsheetCSVWriter(&b, r.Questionnaire)
	w.Add("@fil;navn.yaml", r)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rows = readSpreadsheetCSV(t, b.Bytes())
	if rows[1][0] != "'@fil;navn.yaml" || rows[1][2] != "'=cmd|' /C calc'!A0" || rows[1][3] != "50,0" {
		t.Errorf("row = %q", rows[1])
	}
}

// TestSpreadsheetCSVInLibreOffice opens the dialect in LibreOffice with a
// Norwegian (bokmål) locale, as a double click would, and reads the cells
// back: every value in its column, æøå intact, numbers as numbers, no
// formulas. It runs when soffice is installed (CI installs it).
func TestSpreadsheetCSVInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	rs := csvResults(t)
	var b bytes.Buffer
	w := NewSpreadsheetCSVWriter(&b, rs[0].Questionnaire)
	for i, r := range rs {
		w.Add(csvFiles[i], r)
	}
	// Text a spreadsheet would run as a formula, defused as SafeCSV does.
	w.Add("@fil.yaml", formulaName(t))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	csvOut := b.Bytes()
	dir := t.TempDir()
	in := filepath.Join(dir, "skaar.csv")
	if err := os.WriteFile(in, csvOut, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// The CSV filter: semicolon (59), double quote (34), UTF-8 (76), from
	// line 1, standard columns, locale nb-NO (1044).
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--infilter=CSV:59,34,76,1,,1044", "--convert-to", "xlsx", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "skaar.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ";") != strings.Join(spreadsheetHeader, ";") {
		t.Errorf("header in LibreOffice = %q", rows[0])
	}
	cellType := func(col, row int) excelize.CellType {
		name, _ := excelize.CoordinatesToCellName(col+1, row+1)
		ct, err := f.GetCellType(sheet, name)
		if err != nil {
			t.Fatal(err)
		}
		return ct
	}
	for i, r := range rs {
		row := rows[i+1]
		if len(row) > len(spreadsheetHeader) {
			t.Errorf("row %d has %d columns: %q", i+1, len(row), row)
			continue
		}
		texts := map[int]string{0: csvFiles[i], 2: r.Answers.Municipality.Name, 4: r.Level.Name()}
		for col, want := range texts {
			if row[col] != want || cellType(col, i+1) != excelize.CellTypeSharedString {
				t.Errorf("row %d column %s = %q (type %v), want the text %q", i+1, spreadsheetHeader[col], row[col], cellType(col, i+1), want)
			}
		}
		numbers := map[int]float64{1: mustAtof(t, r.Answers.Municipality.Number), 3: oneDecimal(r.Total.Value), 5: percent(r.Coverage.Value)}
		for ai, ar := range r.Areas {
			if ar.Score.Defined {
				numbers[8+ai] = oneDecimal(ar.Score.Value)
			}
		}
		for col, want := range numbers {
			got, err := strconv.ParseFloat(row[col], 64)
			if err != nil || got != want || cellType(col, i+1) != excelize.CellTypeNumber {
				t.Errorf("row %d column %s = %q (type %v), want the number %v", i+1, spreadsheetHeader[col], row[col], cellType(col, i+1), want)
			}
		}
	}
	if got := rows[1][7]; got != "januar 2027 – Virksomhetsplan" {
		t.Errorf("Neste anledning = %q", got)
	}
	if got := rows[4][7]; got != "juni 2027 – Årsberetning" {
		t.Errorf("Neste anledning = %q", got)
	}
	last := rows[len(rows)-1]
	for col, want := range map[int]string{0: "'@fil.yaml", 2: "'=cmd|' /C calc'!A0"} {
		name, _ := excelize.CoordinatesToCellName(col+1, len(rows))
		if formula, _ := f.GetCellFormula(sheet, name); formula != "" || last[col] != want {
			t.Errorf("%s = %q (formula %q), want the text %q", name, last[col], formula, want)
		}
	}
}

// formulaName is a result whose municipality's name is a formula.
func formulaName(t *testing.T) *assessment.Result {
	t.Helper()
	q := fixture.Questionnaire(t, "../../testdata/mini-questionnaire.yaml")
	return fixture.Evaluate(t, q, "a.yaml", []byte("kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: \"=cmd|' /C calc'!A0\", number: \"3440\"}\ndate: 2026-11-20\nanswers: {styring-plan: 2}\n"))
}

// oneDecimal rounds as the table and the dialect do (41,25 is 41,2).
func oneDecimal(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 1, 64), 64)
	return f
}

func mustAtof(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
