package report

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/synth"
	"github.com/sirkel/sirkel/questionnaires"
	"github.com/sirkel/sirkel/report/internal/fixture"
	"github.com/sirkel/sirkel/report/sheet"
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

// cmpAs is r under another municipality, sharing everything else: a
// cheap distinct row for tests and benchmarks.
func cmpAs(r *assessment.Result, name, number string) *assessment.Result {
	a := *r.Answers
	a.Municipality = assessment.Municipality{Name: name, Number: number}
	c := *r
	c.Answers = &a
	return &c
}

// cmpSynth is the i-th synthetic answers file of the default
// questionnaire with its own seed and date: the same municipality in
// another year.
func cmpSynth(t testing.TB, i int, seed uint64, date string) *assessment.Result {
	t.Helper()
	e, err := questionnaires.Get(questionnaires.DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	data := synth.File(e.Questionnaire, synth.Options{Seed: seed}, i)
	data = regexp.MustCompile(`(?m)^date: .*$`).ReplaceAll(data, []byte("date: "+date))
	return fixture.ResultFrom(t, fmt.Sprintf("synth-%d-%s.yaml", i, date), data)
}

// cmpText is a cell as shown (dates, signed changes), not its raw value.
func cmpText(t testing.TB, f *excelize.File, sh string, col, row int) string {
	t.Helper()
	v, err := f.GetCellValue(sh, sheet.Cell(col, row))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// cmpColumn finds a header in the first row.
func cmpColumn(t testing.TB, f *excelize.File, sh, title string) int {
	t.Helper()
	col, row := wbFind(t, f, sh, title)
	if row != 1 {
		t.Fatalf("%s: «%s» is in row %d, not the header", sh, title, row)
	}
	return col
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

	// Øyer has two files: the newest is ranked, and Utvikling shows both.
	if got, want := f.GetSheetList(), []string{SheetOverview, SheetAreas, SheetStats, SheetTrend, SheetErrors}; !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}

	// Oversikt: sorted by total, highest first; the two complete files
	// tie and go by kommunenummer; Lesja answered nothing and has no
	// place. Numbers keep their leading zero; names stay text.
	rows, err := f.GetRows(SheetOverview)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, row := range rows[1:] {
		order = append(order, row[0]+" "+row[1]+" "+row[2])
	}
	if want := []string{"1 0301 =Oslo+1", "2 3440 Øyer", "usikker – bare 0\u00a0% besvart 3432 Lesja"}; !slices.Equal(order, want) {
		t.Errorf("order %q, want %q", order, want)
	}
	if rows[2][len(rows[2])-1] != "svar/oyer.yaml" {
		t.Errorf("Øyer's row %v, want the newest file", rows[2])
	}
	if rows[3][3] != "–" {
		t.Errorf("Lesja's total %q, want «–»", rows[3][3])
	}
	if got := wbFloat(t, f, SheetOverview, 4, 3); !wbSame(got, oyer.Total.Value) {
		t.Errorf("total %v, want %v", got, oyer.Total.Value)
	}
	// The change since Øyer's partial answers of 2 October, per area and
	// in total; «–» for Oslo, which has no earlier file.
	change := cmpColumn(t, f, SheetOverview, "Endring")
	if got := wbFloat(t, f, SheetOverview, change, 3); !wbSame(got, oyer.Total.Value-partial.Total.Value) {
		t.Errorf("change %v, want %v", got, oyer.Total.Value-partial.Total.Value)
	}
	if got := cmpText(t, f, SheetOverview, change, 2); got != "–" {
		t.Errorf("Oslo's change %q, want «–»", got)
	}
	for i, ar := range oyer.Areas {
		col := cmpColumn(t, f, SheetOverview, ar.Area.Name.String())
		if got := wbFloat(t, f, SheetOverview, col, 3); !wbSame(got, ar.Score.Value) {
			t.Errorf("%s: %v, want %v", ar.Area.ID, got, ar.Score.Value)
		}
		if wbValue(t, f, SheetOverview, col+1, 1) != "Endring" {
			t.Errorf("%s: no change beside it", ar.Area.ID)
		}
		got := cmpText(t, f, SheetOverview, col+1, 3)
		if before := partial.Areas[i].Score; before.Defined {
			if want := fmt.Sprintf("%+.1f", ar.Score.Value-before.Value); strings.Replace(got, "−", "-", 1) != want {
				t.Errorf("%s: change %q, want %s", ar.Area.ID, got, want)
			}
		} else if got != "–" {
			t.Errorf("%s: change %q, want «–» (not answered before)", ar.Area.ID, got)
		}
	}
	dates := cmpColumn(t, f, SheetOverview, "Dato")
	if got := cmpText(t, f, SheetOverview, dates, 3) + " " + cmpText(t, f, SheetOverview, dates+1, 3); got != "2026-11-20 2026-10-02" {
		t.Errorf("Øyer's dates %q", got)
	}
	fixture.NoFormulas(t, f)
	xml := wbSheetXML(t, f, SheetOverview)
	for _, want := range []string{`<autoFilter ref=`, `state="frozen"`, `fitToPage="true"`, `colorScale`, `orientation="landscape"`,
		// Colours for the two ranked rows only.
		`sqref="D2:D3"`} {
		if !strings.Contains(xml, want) {
			t.Errorf("Oversikt lacks %s", want)
		}
	}

	// Statistikk: n, min, quartiles, median, max of the ranked totals.
	totals := []float64{oyer.Total.Value, oyer.Total.Value}
	_, row := wbFind(t, f, SheetStats, "Samlet skår")
	if got := wbValue(t, f, SheetStats, 2, row); got != "2" {
		t.Errorf("n = %s, want 2 (Lesja has no place)", got)
	}
	for i, want := range []float64{totals[0], quantile(totals, 0.25), quantile(totals, 0.5), quantile(totals, 0.75), totals[1]} {
		if got := wbFloat(t, f, SheetStats, 3+i, row); !wbSame(got, want) {
			t.Errorf("statistic %d: %v, want %v", i, got, want)
		}
	}
	if text := wbSheetText(t, f, SheetStats); !strings.Contains(text, "Én kommune med usikker skår – svar på under 50 % av spørsmålene – er ikke med") {
		t.Errorf("Statistikk does not say that Lesja is left out:\n%s", text)
	}

	// Områder: area × municipality, with a bar chart of each ranked one.
	arows, _ := f.GetRows(SheetAreas)
	if arows[0][1] != "=Oslo+1 (0301)" || arows[0][3] != "Lesja (3432) – usikker" || arows[2][0] != oyer.Areas[0].Area.Name.String() {
		t.Errorf("area sheet starts %v / %v", arows[0], arows[2])
	}
	charts := wbZipFiles(t, cmpBytes(t, c), "xl/charts/")
	if len(charts) != 1 || !strings.Contains(charts[0], "<barChart>") || strings.Count(charts[0], "<ser>") != 2 {
		t.Errorf("want one bar chart with a series per ranked municipality")
	}
	if !strings.Contains(strings.Join(wbZipFiles(t, cmpBytes(t, c), "xl/drawings/drawing"), ""), `descr="Stolpediagram`) {
		t.Error("the bar chart has no alt text")
	}

	// Utvikling: Øyer's two files, oldest first, with the change.
	trows, _ := f.GetRows(SheetTrend)
	if len(trows) < 3 || trows[1][2] != "2026-10-02" || trows[2][2] != "2026-11-20" || trows[1][4] != "–" ||
		trows[1][6] != "usikker – bare 14\u00a0% besvart" || trows[2][6] != "nyeste, brukt i «Oversikt»" {
		t.Errorf("Utvikling %q", trows)
	}
	if got := wbFloat(t, f, SheetTrend, 5, 3); !wbSame(got, oyer.Total.Value-partial.Total.Value) {
		t.Errorf("Utvikling's change %v", got)
	}

	// Feil: the file, its position and the message.
	erows, _ := f.GetRows(SheetErrors)
	if len(erows) != 2 || erows[1][0] != "svar/feil.yaml" || erows[1][1] != "6" || erows[1][2] != "25" || erows[1][3] != "Feil" ||
		erows[1][4] != "answers.x: «9» er ikke en verdi på skalaen" {
		t.Errorf("error rows %q", erows)
	}

	dp, _ := f.GetDocProps()
	if dp.Creator != "sirkel test" || !strings.Contains(dp.Subject, "3 kommuner") {
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
		c.Add(fmt.Sprintf("svar/%02d.yaml", i), cmpAs(r, fmt.Sprint("Kommune ", i), fmt.Sprintf("%04d", 1000+i)))
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

// BenchmarkComparison10k adds 10,000 results of different municipalities
// and writes the workbook: a consultant's large batch, the size the
// README's performance figures are measured at.
func BenchmarkComparison10k(b *testing.B) {
	r := fixture.Result(b, "../testdata/oyer-3440.yaml")
	n := 10000
	if s := os.Getenv("SIRKEL_BENCH_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	files := make([]string, n)
	results := make([]*assessment.Result, n)
	for i := range files {
		files[i] = "svar/" + strconv.Itoa(i) + ".yaml"
		results[i] = cmpAs(r, "Kommune "+strconv.Itoa(i), fmt.Sprintf("%05d", i))
	}
	b.ReportAllocs()
	for b.Loop() {
		c := NewComparison(r.Questionnaire, CompareOptions{Now: wbNow})
		for i, f := range files {
			c.Add(f, results[i])
		}
		if _, err := c.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkComparison10kHistory is 10,000 files of 2,500 municipalities,
// four dates each: the newest are ranked with their change, and
// Utvikling lists all 10,000 (with all: every file is ranked).
func BenchmarkComparison10kHistory(b *testing.B) {
	r := fixture.Result(b, "../testdata/oyer-3440.yaml")
	const n, per = 10000, 4
	files := make([]string, n)
	results := make([]*assessment.Result, n)
	for i := range files {
		files[i] = "svar/" + strconv.Itoa(i) + ".yaml"
		m := cmpAs(r, "Kommune "+strconv.Itoa(i/per), fmt.Sprintf("%05d", i/per))
		m.Answers.Date = assessment.NewDate(time.Date(2023+i%per, 11, 20, 0, 0, 0, 0, time.UTC))
		results[i] = m
	}
	for _, all := range []bool{false, true} {
		b.Run(fmt.Sprintf("all=%v", all), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c := NewComparison(r.Questionnaire, CompareOptions{Now: wbNow, All: all})
				for i, f := range files {
					c.Add(f, results[i])
				}
				if _, err := c.WriteTo(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
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
			c.Add(fmt.Sprintf("svar/%02d.yaml", i), cmpAs(r, fmt.Sprint("Kommune ", i), fmt.Sprintf("%04d", 1000+i)))
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

// A total that rests on too few answers is listed last, without a place,
// however high it is, and is left out of the statistics and the chart.
func TestComparisonUncertainIsNotRanked(t *testing.T) {
	oyer := fixture.Result(t, "../testdata/oyer-3440.yaml")
	partial := fixture.Result(t, "../testdata/partial-3440.yaml")
	if !partial.Uncertain || partial.Total.Value <= oyer.Total.Value {
		t.Fatalf("the partial answers should be uncertain and score higher: %v %v", partial.Uncertain, partial.Total)
	}
	c := NewComparison(nil, CompareOptions{Now: wbNow})
	c.Add("delvis.yaml", cmpAs(partial, "Lesja", "3432"))
	c.Add("oyer.yaml", oyer)
	c.Add("oslo.yaml", cmpAs(oyer, "Oslo", "0301"))
	f := cmpWrite(t, c)

	if got, want := f.GetSheetList(), []string{SheetOverview, SheetAreas, SheetStats, SheetErrors}; !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v (no municipality has two files)", got, want)
	}
	rows, _ := f.GetRows(SheetOverview)
	if len(rows) != 4 || rows[1][0] != "1" || rows[2][0] != "2" || rows[3][0] != "usikker – bare 14\u00a0% besvart" || rows[3][2] != "Lesja" {
		t.Errorf("overview %q", rows)
	}
	if rows[0][4] == "Endring" {
		t.Error("a change column without any earlier file")
	}
	// The rank cell is marked in colour and says why in words.
	if style, _ := f.GetCellStyle(SheetOverview, "A4"); style == 0 {
		t.Error("the unranked cell is not marked")
	}
	xml := wbSheetXML(t, f, SheetOverview)
	if !strings.Contains(xml, `sqref="D2:D3"`) || !strings.Contains(xml, `sqref="G2:M3"`) {
		t.Errorf("colour scales should cover the two ranked rows only")
	}
	_, row := wbFind(t, f, SheetStats, "Samlet skår")
	if got := wbValue(t, f, SheetStats, 2, row); got != "2" {
		t.Errorf("n = %s, want 2", got)
	}
	if got := wbFloat(t, f, SheetStats, 7, row); !wbSame(got, oyer.Total.Value) {
		t.Errorf("highest %v, want Øyer's %v: the uncertain total is left out", got, oyer.Total.Value)
	}
	arows, _ := f.GetRows(SheetAreas)
	if arows[0][3] != "Lesja (3432) – usikker" || !strings.Contains(wbSheetText(t, f, SheetAreas), "Kommuner merket «usikker» har svart på under 50 % av spørsmålene og er ikke med i diagrammet.") {
		t.Errorf("Områder %q", arows)
	}
	charts := wbZipFiles(t, cmpBytes(t, c), "xl/charts/")
	if len(charts) != 1 || strings.Count(charts[0], "<ser>") != 2 {
		t.Errorf("the chart should show the two ranked municipalities")
	}
	if got := c.Groups(); len(got) != 1 || got[0].Unranked != 1 || got[0].Municipalities != 3 || got[0].Repeated != 0 {
		t.Errorf("groups %+v", got)
	}
}

func TestUncertainTextRoundsDown(t *testing.T) {
	for _, c := range []struct {
		cov  assessment.Score
		want string
	}{
		{assessment.Some(0.4999), "usikker – bare 49\u00a0% besvart"},
		{assessment.Some(0), "usikker – bare 0\u00a0% besvart"},
		{assessment.Score{}, "usikker – ingen svar som teller"},
	} {
		if got := uncertainText(nb, c.cov); got != c.want {
			t.Errorf("%v: %q, want %q", c.cov, got, c.want)
		}
	}
}

// Three files of one municipality: the newest by date is ranked whatever
// the order they come in, with its change since the one before; only the
// newest and previous rows are kept; Utvikling shows all three. With All
// every file is ranked.
func TestComparisonNewestIsRanked(t *testing.T) {
	y24, y25, y26 := cmpSynth(t, 0, 1, "2024-11-10"), cmpSynth(t, 0, 2, "2025-11-10"), cmpSynth(t, 0, 3, "2026-11-10")
	other := cmpSynth(t, 1, 1, "2026-05-01")
	name, number := y26.Answers.Municipality.Name, y26.Answers.Municipality.Number
	add := func(c *Comparison) {
		c.Add("svar/2026.yaml", y26)
		c.Add("svar/annen.yaml", other)
		c.Add("svar/2024.yaml", y24)
		c.Add("svar/2025.yaml", y25)
	}

	c := NewComparison(nil, CompareOptions{Now: wbNow})
	add(c)
	m := c.groups[0].byNumber[number]
	if m.newest.file != "svar/2026.yaml" || m.previous.file != "svar/2025.yaml" || len(m.history) != 3 || m.previous.prev != nil {
		t.Errorf("kept %s and %s, %d totals", m.newest.file, m.previous.file, len(m.history))
	}
	if got := c.Groups(); len(got) != 1 || got[0].Repeated != 1 || got[0].Files != 4 || got[0].Municipalities != 2 {
		t.Errorf("groups %+v", got)
	}
	f := cmpWrite(t, c)
	rows, _ := f.GetRows(SheetOverview)
	if len(rows) != 3 {
		t.Fatalf("overview %q, want a row per municipality", rows)
	}
	_, row := wbFind(t, f, SheetOverview, name)
	change := cmpColumn(t, f, SheetOverview, "Endring")
	if got := wbFloat(t, f, SheetOverview, change, row); !wbSame(got, y26.Total.Value-y25.Total.Value) {
		t.Errorf("change %v, want %v", got, y26.Total.Value-y25.Total.Value)
	}
	if want := fmt.Sprintf("%+.1f", y26.Total.Value-y25.Total.Value); strings.Replace(cmpText(t, f, SheetOverview, change, row), "−", "-", 1) != want {
		t.Errorf("change shown as %q, want %s", cmpText(t, f, SheetOverview, change, row), want)
	}
	since := cmpColumn(t, f, SheetOverview, "Endring siden")
	if got := cmpText(t, f, SheetOverview, since, row); got != "2025-11-10" {
		t.Errorf("since %q", got)
	}
	_, orow := wbFind(t, f, SheetOverview, other.Answers.Municipality.Name)
	if got := cmpText(t, f, SheetOverview, since, orow) + cmpText(t, f, SheetOverview, change, orow); got != "––" {
		t.Errorf("a municipality with one file: %q", got)
	}

	trows, _ := f.GetRows(SheetTrend)
	var got []string
	for _, r := range trows[1:4] {
		got = append(got, strings.Join([]string{r[0], r[2], r[6]}, " "))
	}
	if want := []string{number + " 2024-11-10 ", number + " 2025-11-10 ", number + " 2026-11-10 nyeste, brukt i «Oversikt»"}; !slices.Equal(got, want) {
		t.Errorf("Utvikling %q, want %q", got, want)
	}
	if !wbSame(wbFloat(t, f, SheetTrend, 5, 3), y25.Total.Value-y24.Total.Value) || !wbSame(wbFloat(t, f, SheetTrend, 4, 4), y26.Total.Value) {
		t.Errorf("Utvikling's totals and changes %q", trows)
	}
	if strings.Contains(wbSheetText(t, f, SheetTrend), other.Answers.Municipality.Name) {
		t.Error("a municipality with one file in Utvikling")
	}

	all := NewComparison(nil, CompareOptions{Now: wbNow, All: true})
	add(all)
	f = cmpWrite(t, all)
	rows, _ = f.GetRows(SheetOverview)
	if len(rows) != 5 {
		t.Fatalf("--all: overview %q, want every file", rows)
	}
	changes := map[string]string{}
	for _, r := range rows[1:] {
		changes[r[len(r)-1]] = r[change-1]
	}
	if changes["svar/2024.yaml"] != "–" || changes["svar/annen.yaml"] != "–" || changes["svar/2025.yaml"] == "–" || changes["svar/2026.yaml"] == "–" {
		t.Errorf("--all: changes %q", changes)
	}
	if text := wbSheetText(t, f, SheetTrend); strings.Contains(text, "nyeste") || !strings.Contains(text, "Alle besvarelsene er rangert.") {
		t.Errorf("--all: Utvikling\n%s", text)
	}
}

// Of two files of one day, the one last in path order is the newest,
// whichever came first.
func TestComparisonSameDateLaterPathIsNewest(t *testing.T) {
	oyer := fixture.Result(t, "../testdata/oyer-3440.yaml")
	migrated := fixture.Result(t, "../testdata/oyer-3440-2026.2.yaml")
	for _, order := range [][]string{{"a.yaml", "b.yaml"}, {"b.yaml", "a.yaml"}} {
		c := NewComparison(nil, CompareOptions{Now: wbNow})
		for _, file := range order {
			r := oyer
			if file == "b.yaml" {
				r = migrated
			}
			c.Add("svar/"+file, r)
		}
		f := cmpWrite(t, c)
		rows, _ := f.GetRows(SheetOverview)
		if len(rows) != 2 || rows[1][len(rows[1])-1] != "svar/b.yaml" {
			t.Errorf("%v: overview %q, want b.yaml ranked", order, rows)
		}
		if got := wbFloat(t, f, SheetOverview, 4, 2); !wbSame(got, migrated.Total.Value) {
			t.Errorf("%v: total %v", order, got)
		}
	}
}

// Kommuner and fylkeskommuner are ranked on sheets of their own, with
// their own words; the kommuner come first whatever the order of files.
func TestComparisonAudiencesApart(t *testing.T) {
	oyer := fixture.Result(t, "../testdata/oyer-3440.yaml")
	vestland := fixture.Result(t, "../testdata/vestland-46.yaml")
	c := NewComparison(nil, CompareOptions{Now: wbNow})
	c.Add("vestland.yaml", vestland)
	c.Add("oyer.yaml", oyer)
	c.Add("oslo.yaml", cmpAs(oyer, "Oslo", "0301"))
	const sfx = " – fylkeskommuner"
	f := cmpWrite(t, c)
	want := []string{SheetOverview, SheetAreas, SheetStats, SheetOverview + sfx, SheetAreas + sfx, SheetStats + sfx, SheetErrors}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	rows, _ := f.GetRows(SheetOverview)
	if len(rows) != 3 || strings.Contains(wbSheetText(t, f, SheetOverview), "Vestland") {
		t.Errorf("kommuner %q", rows)
	}
	rows, _ = f.GetRows(SheetOverview + sfx)
	if len(rows) != 2 || rows[0][1] != "Fylkesnr." || rows[0][2] != "Fylkeskommune" || rows[1][0] != "1" || rows[1][1] != "46" || rows[1][2] != "Vestland" {
		t.Errorf("fylkeskommuner %q", rows)
	}
	// The columns are the fylkeskommune questionnaire's areas.
	for _, ar := range vestland.Areas {
		col := cmpColumn(t, f, SheetOverview+sfx, ar.Area.Name.String())
		if got := wbFloat(t, f, SheetOverview+sfx, col, 2); !wbSame(got, ar.Score.Value) {
			t.Errorf("%s: %v, want %v", ar.Area.ID, got, ar.Score.Value)
		}
	}
	if text := wbSheetText(t, f, SheetStats+sfx); !strings.Contains(text, "Antall er fylkeskommunene som har skår i området.") {
		t.Errorf("Statistikk – fylkeskommuner\n%s", text)
	}
	if rows, _ := f.GetRows(SheetErrors); len(rows) != 2 || !strings.HasPrefix(rows[1][0], "Ingen feil") {
		t.Errorf("errors %q", rows)
	}
	if charts := html.UnescapeString(strings.Join(wbZipFiles(t, cmpBytes(t, c), "xl/charts/"), "")); !strings.Contains(charts, "'Områder – fylkeskommuner'!$B$3") {
		t.Error("the fylkeskommuner's chart does not read its own sheet")
	}
	dp, _ := f.GetDocProps()
	if !strings.Contains(dp.Subject, "Sammenligning av 2 kommuner og én fylkeskommune") || !strings.Contains(dp.Subject, "ks-sirkulaer-fylke@2026.2 (fylkeskommuner)") {
		t.Errorf("subject %q", dp.Subject)
	}
	g := c.Groups()
	if len(g) != 2 || g[0].Many != "kommuner" || g[1].One != "fylkeskommune" || g[1].Municipalities != 1 {
		t.Errorf("groups %+v", g)
	}

	// Fylkeskommuner alone: the plain sheet names, their words.
	only := NewComparison(nil, CompareOptions{Now: wbNow})
	only.Add("vestland.yaml", vestland)
	f = cmpWrite(t, only)
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetOverview, SheetAreas, SheetStats, SheetErrors}) {
		t.Errorf("sheets %q", got)
	}
	if v, _ := f.GetCellValue(SheetOverview, "C1"); v != "Fylkeskommune" {
		t.Errorf("header %q", v)
	}
}

// The same files in another order give the same workbook: municipalities
// are kept in a map, but nothing is written in its order. (All are of one
// questionnaire version: without -q the first file's version gives the
// columns. excelize lists the image types of [Content_Types].xml in map
// order, so that part is compared as a set.)
func TestComparisonIsDeterministic(t *testing.T) {
	results := map[string]*assessment.Result{
		"svar/a.yaml": cmpSynth(t, 0, 1, "2025-11-10"), "svar/b.yaml": cmpSynth(t, 0, 2, "2026-11-10"),
		"svar/c.yaml": cmpSynth(t, 1, 1, "2026-01-10"), "svar/d.yaml": cmpSynth(t, 2, 1, "2026-02-10"),
		"svar/e.yaml": cmpSynth(t, 2, 2, "2026-03-10"), "svar/f.yaml": fixture.Result(t, "../testdata/vestland-46.yaml"),
		"svar/g.yaml": fixture.Result(t, "../testdata/oyer-3440-2026.2.yaml"),
	}
	files := slices.Sorted(maps.Keys(results))
	for _, all := range []bool{false, true} {
		var first []string
		for i := range 4 {
			c := NewComparison(nil, CompareOptions{Now: wbNow, All: all})
			order := slices.Clone(files)
			if i%2 == 1 {
				slices.Reverse(order)
			}
			for _, f := range order {
				c.Add(f, results[f])
			}
			got := cmpParts(t, cmpBytes(t, c))
			if first == nil {
				first = got
				continue
			}
			if !slices.Equal(got, first) {
				t.Errorf("all=%v: run %d differs", all, i)
			}
		}
	}
}

// cmpParts are a workbook's parts in name order, the entries of
// [Content_Types].xml sorted.
func cmpParts(t testing.TB, data []byte) []string {
	t.Helper()
	parts := wbZipFiles(t, data, "")
	for i, part := range parts {
		if strings.Contains(part, "<Types ") {
			entries := strings.Split(part, "><")
			slices.Sort(entries)
			parts[i] = strings.Join(entries, "><")
		}
	}
	return parts
}
