package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/internal/fixture"
	"github.com/xuri/excelize/v2"
)

// cmpVariant is the complete Øyer answers under another municipality.
func cmpVariant(t testing.TB, name, number string) *assessment.Result {
	t.Helper()
	src, err := os.ReadFile("../testdata/oyer-3440.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), `municipality: {name: Øyer, number: "3440"}`,
		fmt.Sprintf("municipality: {name: %q, number: %q}", name, number), 1)
	return fixture.ResultFrom(t, name+".yaml", []byte(s))
}

func cmpWrite(t testing.TB, c *Comparison) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return wbOpen(t, buf.Bytes())
}

func TestComparison(t *testing.T) {
	oyer := fixture.Result(t, "../testdata/oyer-3440.yaml")
	partial := fixture.Result(t, "../testdata/partial-3440.yaml")
	oslo := cmpVariant(t, "=Oslo+1", "0301")
	empty := fixture.ResultFrom(t, "tom.yaml", []byte(`kind: answers
questionnaire: {id: ks-sirkulaer, version: "2026.1"}
municipality: {name: Lesja, number: "3432"}
date: 2026-11-20
answers: {}
`))
	c := NewComparison(nil, CompareOptions{ToolVersion: "test", Now: wbNow})
	c.Add("svar/tom.yaml", empty)
	c.Add("svar/oyer.yaml", oyer)
	c.Add("svar/oslo.yaml", oslo)
	c.Add("svar/delvis.yaml", partial)
	c.AddError(assessment.Diagnostic{File: "svar/feil.yaml", Line: 6, Column: 25, Path: "answers.x", Message: "«9» er ikke en verdi på skalaen"})
	f := cmpWrite(t, c)

	if got, want := f.GetSheetList(), []string{SheetOverview, SheetAreas, SheetStats, SheetErrors}; !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}

	// Oversikt: sorted by total, highest first, no score last; ties by
	// kommunenummer; numbers keep their leading zero; names stay text.
	rows, err := f.GetRows(SheetOverview)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, row := range rows[1:] {
		order = append(order, row[1]+" "+row[2])
	}
	// The partial Øyer answers score highest; the two complete files tie
	// and go by kommunenummer; Lesja has no score.
	if want := []string{"3440 Øyer", "0301 =Oslo+1", "3440 Øyer", "3432 Lesja"}; !slices.Equal(order, want) {
		t.Errorf("order %q, want %q", order, want)
	}
	if rows[1][2] != "Øyer" || rows[1][len(rows[1])-1] != "svar/delvis.yaml" {
		t.Errorf("first row %v, want the partial answers (highest total)", rows[1])
	}
	if rows[2][1] != "0301" || rows[3][len(rows[3])-1] != "svar/oyer.yaml" {
		t.Errorf("tied totals not ordered by kommunenummer: %v / %v", rows[2], rows[3])
	}
	if rows[4][2] != "Lesja" || rows[4][3] != "–" {
		t.Errorf("last row %v, want Lesja without a score", rows[4])
	}
	if got := wbFloat(t, f, SheetOverview, 4, 2); !wbSame(got, partial.Total.Value) {
		t.Errorf("total %v, want %v", got, partial.Total.Value)
	}
	for i, ar := range oyer.Areas {
		if got := wbFloat(t, f, SheetOverview, 7+i, 4); !wbSame(got, ar.Score.Value) {
			t.Errorf("%s: %v, want %v", ar.Area.ID, got, ar.Score.Value)
		}
	}
	fixture.NoFormulas(t, f)
	xml := wbSheetXML(t, f, SheetOverview)
	for _, want := range []string{`<autoFilter ref=`, `state="frozen"`, `fitToPage="true"`, `colorScale`, `orientation="landscape"`} {
		if !strings.Contains(xml, want) {
			t.Errorf("Oversikt lacks %s", want)
		}
	}

	// Statistikk: n, min, quartiles, median, max of the totals.
	totals := []float64{oyer.Total.Value, oyer.Total.Value, partial.Total.Value}
	slices.Sort(totals)
	_, row := wbFind(t, f, SheetStats, "Samlet skår")
	if got := wbValue(t, f, SheetStats, 2, row); got != "3" {
		t.Errorf("n = %s, want 3 (Lesja has no score)", got)
	}
	for i, want := range []float64{totals[0], quantile(totals, 0.25), quantile(totals, 0.5), quantile(totals, 0.75), totals[2]} {
		if got := wbFloat(t, f, SheetStats, 3+i, row); !wbSame(got, want) {
			t.Errorf("statistic %d: %v, want %v", i, got, want)
		}
	}

	// Områder: area × municipality, with a bar chart of each one.
	arows, _ := f.GetRows(SheetAreas)
	if arows[0][1] != "Øyer (3440)" || arows[2][0] != oyer.Areas[0].Area.Name.String() {
		t.Errorf("area sheet starts %v / %v", arows[0], arows[2])
	}
	charts := wbZipFiles(t, cmpBytes(t, c), "xl/charts/")
	if len(charts) != 1 || !strings.Contains(charts[0], "<barChart>") || strings.Count(charts[0], "<ser>") != 4 {
		t.Errorf("want one bar chart with a series per municipality")
	}
	if !strings.Contains(strings.Join(wbZipFiles(t, cmpBytes(t, c), "xl/drawings/drawing"), ""), `descr="Stolpediagram`) {
		t.Error("the bar chart has no alt text")
	}

	// Feil: the file, its position and the message.
	erows, _ := f.GetRows(SheetErrors)
	if len(erows) != 2 || erows[1][0] != "svar/feil.yaml" || erows[1][1] != "6" || erows[1][2] != "25" || erows[1][3] != "Feil" ||
		erows[1][4] != "answers.x: «9» er ikke en verdi på skalaen" {
		t.Errorf("error rows %q", erows)
	}

	dp, _ := f.GetDocProps()
	if dp.Creator != "sirkel test" || !strings.Contains(dp.Subject, "4 kommuner") {
		t.Errorf("document properties %+v", dp)
	}
}

func cmpBytes(t testing.TB, c *Comparison) []byte {
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// With many municipalities the chart shows the median and quartiles, not
// one bar per municipality.
func TestComparisonManyCharts(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	c := NewComparison(r.Questionnaire, CompareOptions{Now: wbNow})
	for i := range chartSeriesLimit + 1 {
		c.Add(fmt.Sprintf("svar/%02d.yaml", i), r)
	}
	charts := wbZipFiles(t, cmpBytes(t, c), "xl/charts/")
	if len(charts) != 1 || strings.Count(charts[0], "<ser>") != 3 || !strings.Contains(charts[0], "Statistikk") {
		t.Errorf("want a chart of the quartiles from Statistikk")
	}
}

func TestComparisonWithoutResults(t *testing.T) {
	c := NewComparison(nil, CompareOptions{Now: wbNow})
	c.AddError(assessment.Diagnostic{File: "a.yaml", Message: "filen er tom"})
	f := cmpWrite(t, c)
	rows, _ := f.GetRows(SheetOverview)
	if len(rows) != 2 || !strings.Contains(rows[1][0], "Ingen svarfiler") {
		t.Errorf("overview %q", rows)
	}
	rows, _ = f.GetRows(SheetErrors)
	if len(rows) != 2 || rows[1][0] != "a.yaml" || rows[1][1] != "" {
		t.Errorf("errors %q", rows)
	}
}

func TestComparisonOtherQuestionnaireIsNoted(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	mini := fixture.Questionnaire(t, "../testdata/mini-questionnaire.yaml")
	c := NewComparison(mini, CompareOptions{Now: wbNow})
	c.Add("oyer.yaml", r)
	f := cmpWrite(t, c)
	rows, _ := f.GetRows(SheetErrors)
	if len(rows) != 2 || rows[1][3] != "Advarsel" || !strings.Contains(rows[1][4], "«ks-sirkulaer»") {
		t.Errorf("errors %q", rows)
	}
	// Areas are matched by id: mini's «styring» and «bygg» are also in
	// ks-sirkulaer.
	for i, id := range []string{"styring", "bygg"} {
		b, _ := baselineArea(r, id)
		if got := wbFloat(t, f, SheetOverview, 7+i, 2); !wbSame(got, b.Score.Value) {
			t.Errorf("%s: %v, want %v", id, got, b.Score.Value)
		}
	}
}

func TestQuantile(t *testing.T) {
	// Values of Excel's QUARTILE.INC.
	xs := []float64{1, 2, 3, 4}
	for _, c := range []struct{ p, want float64 }{{0, 1}, {0.25, 1.75}, {0.5, 2.5}, {0.75, 3.25}, {1, 4}} {
		if got := quantile(xs, c.p); !wbSame(got, c.want) {
			t.Errorf("quantile(%v) = %v, want %v", c.p, got, c.want)
		}
	}
	if got := quantile([]float64{7}, 0.25); got != 7 {
		t.Errorf("one value: %v", got)
	}
}

// BenchmarkComparison10k adds 10,000 results and writes the workbook: a
// consultant's large batch, the size the README's performance figures
// are measured at.
func BenchmarkComparison10k(b *testing.B) {
	r := fixture.Result(b, "../testdata/oyer-3440.yaml")
	files := make([]string, 10000)
	n := 10000
	if s := os.Getenv("SIRKEL_BENCH_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	files = files[:n]
	for i := range files {
		files[i] = "svar/" + strconv.Itoa(i) + ".yaml"
	}
	b.ReportAllocs()
	for b.Loop() {
		c := NewComparison(r.Questionnaire, CompareOptions{Now: wbNow})
		for _, f := range files {
			c.Add(f, r)
		}
		if _, err := c.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// With many municipalities the area sheet is not shrunk to an unreadable
// size: it prints across pages with the area names on every page, and
// the chart gets a page of its own.
func TestComparisonWideAreaSheetPrints(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	for _, n := range []int{5, 30} {
		c := NewComparison(r.Questionnaire, CompareOptions{Now: wbNow})
		for i := range n {
			c.Add(fmt.Sprintf("svar/%02d.yaml", i), r)
		}
		f := wbOpen(t, cmpBytes(t, c))
		props, err := f.GetSheetProps(SheetAreas)
		if err != nil {
			t.Fatal(err)
		}
		fitted := props.FitToPage != nil && *props.FitToPage
		titles := ""
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm.Print_Titles" && dn.Scope == SheetAreas {
				titles = dn.RefersTo
			}
		}
		if n == 5 && (!fitted || strings.Contains(titles, "$A:$A")) {
			t.Errorf("%d municipalities: fitted %v, titles %q; want fitted to the page", n, fitted, titles)
		}
		if n == 30 && (fitted || !strings.Contains(titles, "$A:$A")) {
			t.Errorf("%d municipalities: fitted %v, titles %q; want full size with the area names repeated", n, fitted, titles)
		}
		if got := wbBreaks(t, f, SheetAreas); len(got) != 1 || got[0] != len(r.Questionnaire.Areas)+6 {
			t.Errorf("%d municipalities: page breaks %v, want one before the chart", n, got)
		}
	}
}
