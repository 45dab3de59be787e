package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/internal/fixture"
)

// TestLibreOfficeOpensWorkbooks converts the report and the comparison to
// PDF with LibreOffice, the client most municipalities without Excel use,
// and checks the printed text. It runs when soffice and pdftotext are
// installed (CI installs them).
func TestLibreOfficeOpensWorkbooks(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	dir := t.TempDir()
	oyer := fixture.Result(t, "../testdata/oyer-3440.yaml")
	partial := fixture.Result(t, "../testdata/partial-3440.yaml")
	report := filepath.Join(dir, "3440-oyer-sirkel.xlsx")
	if err := os.WriteFile(report, wbWrite(t, oyer, ReportOptions{Baseline: partial}), 0o644); err != nil {
		t.Fatal(err)
	}
	// A fylkeskommune's report, whose plans have cycles: the Årshjul has
	// quarters with actions in them.
	vestland := filepath.Join(dir, "46-vestland-sirkel.xlsx")
	if err := os.WriteFile(vestland, wbWrite(t, fixture.Result(t, "../testdata/vestland-46.yaml"), ReportOptions{}), 0o644); err != nil {
		t.Fatal(err)
	}
	// The same in nynorsk, for a nynorsk kommune's leaders.
	nynorsk := filepath.Join(dir, "3440-oyer-nn.xlsx")
	if err := os.WriteFile(nynorsk, wbWrite(t, fixture.Result(t, "../testdata/oyer-3440-2026.2.yaml"), ReportOptions{Lang: lang.NN}), 0o644); err != nil {
		t.Fatal(err)
	}
	c := NewComparison(nil, CompareOptions{Now: wbNow})
	c.Add("oyer-3440.yaml", oyer)
	c.Add("partial-3440.yaml", partial)
	compare := filepath.Join(dir, "sammenligning.xlsx")
	if err := os.WriteFile(compare, cmpBytes(t, c), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A profile of its own, so that a running LibreOffice or another test
	// does not hold the lock.
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	cmd := exec.CommandContext(ctx, soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", dir, report, vestland, nynorsk, compare)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}

	text := func(pdf string) string {
		out, err := exec.CommandContext(ctx, pdftotext, "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", pdf, err)
		}
		return string(out)
	}
	got := text(filepath.Join(dir, "3440-oyer-sirkel.pdf"))
	for _, want := range []string{
		"Sirkulær økonomi i kommunen – egenvurdering", // title, æøå
		"Øyer (3440)",                    // header on every page
		"Hovedfunn",                      // findings
		"Samlet skår",                    // key figures
		"39.1",                           // the total as a number, one decimal
		"Styringstrinn",                  // heat map
		"Skår per tiltaksområde (0–100)", // the radar chart's title
		"De fem viktigste tiltakene",
		"Kommunal planstrategi – ett tiltak", // Planverk
		"Slik regnes skårene",                // Metode
		"Årshjul",                            // the sheet, named in its page header
		"Side 1 av",                          // footer page numbers
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the printed report lacks %q", want)
		}
	}
	// Every area is named on the radar chart's axes and in the table.
	for _, ar := range oyer.Areas {
		if strings.Count(got, ar.Area.Name.String()) < 3 {
			t.Errorf("%q appears fewer than three times", ar.Area.Name)
		}
	}
	// The Årshjul's grid is headed by the coming quarters, «K4 2026» over
	// two lines, from the assessment's date.
	if !regexp.MustCompile(`K4\s+K1\s+K2\s+K3\s+K4`).MatchString(got) || !regexp.MustCompile(`2026\s+2027\s+2027\s+2027\s+2027\s+2028`).MatchString(got) {
		t.Error("the printed Årshjul has no quarter headers")
	}
	got = text(filepath.Join(dir, "46-vestland-sirkel.pdf"))
	for _, want := range []string{
		"Sirkulær økonomi i fylkeskommunen", // the questionnaire's title
		"Fylkeskommunen har kommet lengst",  // findings in the respondent's words
		"fylkestinget (politisk vedtak)",    // Planverk and Årshjul
		"Årshjul",
		"K4 2027 – ", // a quarter of the Årshjul's list
		"Neste anledning",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the printed Vestland report lacks %q", want)
		}
	}
	got = text(filepath.Join(dir, "3440-oyer-nn.pdf"))
	for _, want := range []string{
		"Sirkulær økonomi i kommunen – eigenvurdering",
		"Samandrag", "Hovudfunn", "Samla skår", "Modningsnivå",
		"Dei fem viktigaste tiltaka", "Neste høve",
		"Årshjul", "Tiltaka i den rekkjefølgja dei kan takast inn",
		"Slik blir skårane rekna ut",
		"Side 1 av",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the printed nynorsk report lacks %q", want)
		}
	}
	got = text(filepath.Join(dir, "sammenligning.pdf"))
	for _, want := range []string{"Sammenligning av én kommune", "Skår per tiltaksområde", "Nedre", "Ingen feil", "Utvikling"} {
		if !strings.Contains(got, want) {
			t.Errorf("the printed comparison lacks %q", want)
		}
	}
}
