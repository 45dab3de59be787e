package batch

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/questionnaires"
	"github.com/sirkel/sirkel/report/answersheet"
	"github.com/xuri/excelize/v2"
)

// TestLoadWorkbook reads a filled-in answer workbook through the same path
// as YAML answers, and names cells in its messages.
func TestLoadWorkbook(t *testing.T) {
	e, err := questionnaires.Get(questionnaires.DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := answersheet.Write(&buf, e.Questionnaire, answersheet.Options{Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for ref, v := range map[string]any{
		"Om!B15":  "Øyer",
		"Om!B16":  3440, // typed as a number
		"Svar!G2": "Etablert",
		"Svar!G3": "etablert",
		"Svar!G4": "Ganske bra",
		"Svar!A5": "styring-ressursmaal",
		"Svar!G5": "Planlagt",
	} {
		sheet, cell, _ := bytes.Cut([]byte(ref), []byte("!"))
		if err := f.SetCellValue(string(sheet), string(cell), v); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "svarskjema.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ignoreUnknown bool
		want          []string
	}{
		{false, []string{
			path + ": Svar!G4: «Ganske bra» er ikke en verdi på skalaen; gyldige verdier: 0 (Ikke startet), 1 (Planlagt), 2 (Påbegynt), 3 (Etablert), 4 (Systematisk og evaluert), eller vet-ikke",
			path + ": Svar!A5: ukjent spørsmål «styring-ressursmaal» i skjemaet ks-sirkulaer@2026.2 (--ignore-unknown hopper over slike svar) – mente du «styring-ressursmal»?",
		}},
		{true, []string{
			path + ": Svar!G4: «Ganske bra» er ikke en verdi på skalaen; gyldige verdier: 0 (Ikke startet), 1 (Planlagt), 2 (Påbegynt), 3 (Etablert), 4 (Systematisk og evaluert), eller vet-ikke",
			path + ": advarsel: Svar!A5: ukjent spørsmål «styring-ressursmaal» i skjemaet ks-sirkulaer@2026.2; svaret blir ikke brukt – mente du «styring-ressursmal»?",
		}},
	} {
		l := Load(path, os.Stdin, &Source{}, Options{Check: assessment.CheckOptions{IgnoreUnknown: tc.ignoreUnknown}})
		var got []string
		for _, d := range l.Diags {
			got = append(got, d.String())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("ignore unknown %v: got\n%q\nwant\n%q", tc.ignoreUnknown, got, tc.want)
		}
		if l.Answers.Municipality.Number != "3440" || l.Questionnaire != e.Questionnaire {
			t.Errorf("municipality %v, questionnaire %p", l.Answers.Municipality, l.Questionnaire)
		}
		qu, _, _ := e.Questionnaire.Question("styring-temaplan")
		if v := l.Checked.Value(qu); v.Kind != assessment.ValueGiven || v.Number != 3 {
			t.Errorf("a label typed in lower case: %+v", v)
		}
	}
}
