package answersheet

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// soffice converts files with LibreOffice, the client most municipalities
// without Excel use, into dir; the test is skipped where LibreOffice is
// not installed (CI installs it).
func soffice(t *testing.T, dir, to string, files ...string) {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A profile of its own, so that a running LibreOffice or another test
	// does not hold the lock.
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	args := append([]string{profile, "--headless", "--convert-to", to, "--outdir", dir}, files...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
}

// TestLibreOfficeAnswerSheet: LibreOffice opens an answer workbook with
// the number limits, keeps its validations when it saves it, evaluates
// the validation formula as meant, and what it saves reads back as the
// same answers, plans, «by» and evidence.
func TestLibreOfficeAnswerSheet(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice is not installed")
	}
	q, want := trustAnswers(t)
	dir := t.TempDir()
	data := writeIn(t, q, want, lang.NB)
	template := filepath.Join(dir, "svarskjema.xlsx")
	if err := os.WriteFile(template, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	row := tmplRowOf(t, f, "naering-innkjop-andel")
	ref := sheet.Cell(colAnswer, row)
	formula := ""
	dvs, _ := f.GetDataValidations("Svar")
	for _, dv := range dvs {
		if dv.Sqref == ref {
			formula = dv.Formula1
		}
	}
	f.Close()
	if !strings.Contains(formula, ref+">=0") {
		t.Fatalf("validation of %s: %q", ref, formula)
	}

	// The formula as LibreOffice computes it, for values a person may type.
	probe := excelize.NewFile()
	values := []any{50, 0, 100, 12.5, 150, -1, "Vet ikke", "vet ikke", "mye", "Ikke relevant"}
	wantOK := []string{"TRUE", "TRUE", "TRUE", "TRUE", "FALSE", "FALSE", "TRUE", "TRUE", "FALSE", "FALSE"}
	for i, v := range values {
		a := fmt.Sprintf("A%d", i+1)
		if err := probe.SetCellValue("Sheet1", a, v); err != nil {
			t.Fatal(err)
		}
		if err := probe.SetCellFormula("Sheet1", fmt.Sprintf("B%d", i+1), strings.ReplaceAll(formula, ref, a)); err != nil {
			t.Fatal(err)
		}
	}
	if err := probe.SaveAs(filepath.Join(dir, "probe.xlsx")); err != nil {
		t.Fatal(err)
	}
	soffice(t, dir, "csv", filepath.Join(dir, "probe.xlsx"))
	csv, err := os.ReadFile(filepath.Join(dir, "probe.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(string(csv)), "\n") {
		_, v, _ := strings.Cut(strings.TrimSpace(line), ",")
		got = append(got, v)
	}
	if !slices.Equal(got, wantOK) {
		t.Errorf("LibreOffice computes the validation of %v as %v, want %v", values, got, wantOK)
	}

	// Saved again by LibreOffice: the validations stay, and it reads back.
	resaved := filepath.Join(dir, "lo")
	soffice(t, resaved, "xlsx", template)
	back, err := os.ReadFile(filepath.Join(resaved, "svarskjema.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	f, err = excelize.OpenReader(bytes.NewReader(back))
	if err != nil {
		t.Fatal(err)
	}
	dvs, _ = f.GetDataValidations("Svar")
	kept := false
	for _, dv := range dvs {
		// excelize leaves the &quot; that LibreOffice writes for «"».
		kept = kept || dv.Sqref == ref && dv.Type == "custom" && strings.ReplaceAll(dv.Formula1, "&quot;", `"`) == formula
	}
	if !kept {
		t.Errorf("LibreOffice dropped or changed the validation of %s (%s)", ref, formula)
	}
	f.Close()
	gotC, ds := tmplReadBack(t, q, back)
	if len(ds) > 0 {
		t.Fatalf("saved by LibreOffice, read back with problems:\n%s", ds.Error())
	}
	tmplSame(t, want, gotC)
	if !maps.Equal(gotC.Answers.Plans, want.Answers.Plans) {
		t.Errorf("plans read back as %v, want %v", gotC.Answers.Plans, want.Answers.Plans)
	}

	// Printed, the new sheet and columns are there.
	soffice(t, dir, "pdf", template)
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		return
	}
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "svarskjema.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Besvart av", "Dokumentasjon", "Neste rullering", "Kommuneplanens samfunnsdel", "Skriv et tall fra 0 til 100 (prosent)", "sak 2025/118;", "https://oyer.kommune.no/klima"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the printed answer sheet lacks %q", want)
		}
	}
}
