package report

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/internal/fixture"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/")

// wbNow is the fixed report time of the tests (SOURCE_DATE_EPOCH in the
// scripts): 20 November 2026.
var wbNow = time.Unix(1795132800, 0).UTC()

func wbWrite(t testing.TB, r *assessment.Result, opt ReportOptions) []byte {
	t.Helper()
	if opt.Now.IsZero() {
		opt.Now = wbNow
	}
	if opt.ToolVersion == "" {
		opt.ToolVersion = "test"
	}
	var buf bytes.Buffer
	if err := WriteReport(&buf, r, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func wbOpen(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// wbFind returns the first cell in a sheet whose value is text, scanning
// rows then columns.
func wbFind(t testing.TB, f *excelize.File, sheet, text string) (col, row int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, cells := range rows {
		for c, v := range cells {
			if v == text {
				return c + 1, r + 1
			}
		}
	}
	t.Fatalf("%s: no cell «%s»", sheet, text)
	return 0, 0
}

func wbValue(t testing.TB, f *excelize.File, sh string, col, row int) string {
	t.Helper()
	v, err := f.GetCellValue(sh, sheet.Cell(col, row), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func wbFloat(t testing.TB, f *excelize.File, sh string, col, row int) float64 {
	t.Helper()
	v := wbValue(t, f, sh, col, row)
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("%s!%s: %q is not a number", sh, sheet.Cell(col, row), v)
	}
	return x
}

func TestReportSheets(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	want := []string{SheetSummary, SheetActions, SheetPlans, SheetCalendar, SheetAnswers, SheetMethod, SheetGlossary, SheetExamples, SheetFacts}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want the summary", f.GetActiveSheetIndex())
	}
}

func TestReportSummary(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	sh := SheetSummary

	// Total, level and coverage sit under their labels, as numbers.
	col, row := wbFind(t, f, sh, "Samlet skår")
	if got := wbFloat(t, f, sh, col, row+1); !wbSame(got, r.Total.Value) {
		t.Errorf("total %v, want %v", got, r.Total.Value)
	}
	col, row = wbFind(t, f, sh, "Modenhetsnivå")
	if got := wbValue(t, f, sh, col, row+1); got != r.Level.Name() {
		t.Errorf("level %q, want %q", got, r.Level.Name())
	}
	col, row = wbFind(t, f, sh, "Dekning")
	if got := wbFloat(t, f, sh, col, row+1); !wbSame(got, r.Coverage.Value) {
		t.Errorf("coverage %v, want %v", got, r.Coverage.Value)
	}

	// Every key finding is on the sheet.
	text := wbSheetText(t, f, sh)
	for _, s := range KeyFindings(nb, r, nil) {
		if !strings.Contains(text, s) {
			t.Errorf("finding missing: %s", s)
		}
	}

	// The area table: one row per area with the scores of the result,
	// «–» where a cell is undefined, and the total row.
	_, head := wbFind(t, f, sh, "Styringstrinn")
	for i, ar := range r.Areas {
		row := head + 2 + i
		if got := wbValue(t, f, sh, 1, row); got != ar.Area.Name.String() {
			t.Fatalf("row %d: area %q, want %q", row, got, ar.Area.Name)
		}
		if got := wbFloat(t, f, sh, 2, row); !wbSame(got, ar.Score.Value) {
			t.Errorf("%s: score %v, want %v", ar.Area.ID, got, ar.Score.Value)
		}
		for si, s := range ar.Steps {
			got := wbValue(t, f, sh, 5+si, row)
			x, err := strconv.ParseFloat(got, 64)
			if s.Score.Defined && (err != nil || !wbSame(x, s.Score.Value)) || !s.Score.Defined && got != "–" {
				t.Errorf("%s trinn %d: %q, want %+v", ar.Area.ID, si+1, got, s.Score)
			}
		}
	}
	if got := wbValue(t, f, sh, 1, head+2+len(r.Areas)); got != "Alle områder" {
		t.Errorf("total row %q", got)
	}

	// The five top gaps, in priority order.
	_, top := wbFind(t, f, sh, "De fem viktigste tiltakene")
	for i := range 5 {
		g := r.Gaps[i]
		want := fmt.Sprintf("%d. %s\n%s → %s", i+1, g.Area.Name, answerLabel(nb, r.Questionnaire, g.QuestionResult), targetLabel(nb, r.Questionnaire, g.QuestionResult))
		if got := wbValue(t, f, sh, 1, top+2+i); got != want {
			t.Errorf("top gap %d: %q, want %q", i+1, got, want)
		}
		if got := wbValue(t, f, sh, 2, top+2+i); got != g.Question.Action.String() {
			t.Errorf("top gap %d: action %q", i+1, got)
		}
	}

	// Heat maps are coloured by 3-colour scales; a radar chart shows the
	// areas and carries alt text.
	cfs, err := f.GetConditionalFormats(sh)
	if err != nil {
		t.Fatal(err)
	}
	scales := 0
	for _, opts := range cfs {
		for _, o := range opts {
			if o.Type == "3_color_scale" {
				scales++
			}
		}
	}
	if scales < 2 {
		t.Errorf("%d colour scales on the summary, want the score column and the heat maps", scales)
	}
	charts := wbZipFiles(t, wbWrite(t, r, ReportOptions{}), "xl/charts/")
	if len(charts) != 1 || !strings.Contains(charts[0], "<radarChart>") {
		t.Fatalf("want one radar chart, got %d charts", len(charts))
	}
	// The chart reads the area names from the table and the scores from
	// hidden cells beside it, where an undefined score is empty.
	_, first := wbFind(t, f, sh, r.Areas[0].Area.Name.String())
	last := first + len(r.Areas) - 1
	if want := fmt.Sprintf("&#39;Sammendrag&#39;!$A$%d:$A$%d", first, last); !strings.Contains(charts[0], want) {
		t.Errorf("the chart does not read the area names %s", want)
	}
	m := regexp.MustCompile(`<val><numRef><f>&#39;Sammendrag&#39;!\$([A-Z]+)\$(\d+):`).FindStringSubmatch(charts[0])
	if m == nil {
		t.Fatal("the chart has no values")
	}
	if visible, _ := f.GetColVisible(sh, m[1]); visible {
		t.Errorf("chart data column %s is visible", m[1])
	}
	col, _ = excelize.ColumnNameToNumber(m[1])
	for i, ar := range r.Areas {
		if got := wbFloat(t, f, sh, col, first+i); !wbSame(got, ar.Score.Value) {
			t.Errorf("chart data for %s: %v, want %v", ar.Area.ID, got, ar.Score.Value)
		}
	}
	drawings := strings.Join(wbZipFiles(t, wbWrite(t, r, ReportOptions{}), "xl/drawings/drawing"), "")
	if !strings.Contains(drawings, `descr="Radardiagram over skåren`) {
		t.Error("the radar chart has no alt text")
	}
}

func TestReportActionsInPriorityOrder(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	rows, err := f.GetRows(SheetActions)
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	if want := []string{"Nr.", "Område", "Trinn", "Nivå", "Spørsmål", "Svar", "Mål", "Prioritet", "Anbefalt tiltak", "Plandokument", "R-strategi", "Eksempler"}; !slices.Equal(head, want) {
		t.Fatalf("header %v", head)
	}
	if len(rows)-1 != len(r.Gaps) {
		t.Fatalf("%d action rows, want %d gaps", len(rows)-1, len(r.Gaps))
	}
	prev := 2.0
	for i, g := range r.Gaps {
		row := rows[i+1]
		if row[0] != strconv.Itoa(i+1) || row[4] != g.Question.Text.String() || row[8] != g.Question.Action.String() {
			t.Fatalf("row %d: %v, want gap %s", i+2, row[:5], g.Question.ID)
		}
		p := wbFloat(t, f, SheetActions, 8, i+2)
		if p > prev+1e-9 {
			t.Errorf("row %d: priority %v after %v", i+2, p, prev)
		}
		prev = p
	}
	// Labels, not raw values: the first gap of Øyer is a scale answer.
	if rows[1][5] != "Ikke startet (0)" || rows[1][6] != "Etablert (3)" {
		t.Errorf("answer and target %q → %q", rows[1][5], rows[1][6])
	}
	af := wbSheetXML(t, f, SheetActions)
	if !strings.Contains(af, `<autoFilter ref="$A$1:$L$`) {
		t.Error("no autofilter on Tiltak")
	}
	if !strings.Contains(af, `state="frozen"`) {
		t.Error("Tiltak header is not frozen")
	}
}

func TestReportPlansGrouped(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	q := r.Questionnaire
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	rows, err := f.GetRows(SheetPlans)
	if err != nil {
		t.Fatal(err)
	}
	// Group headings are «Plan – n tiltak», in the order of the planning
	// cycle; under each, the actions of gaps that name the plan, by rank.
	plansByName := map[string]*assessment.Plan{}
	for i := range q.Plans {
		plansByName[q.Plans[i].Name.String()] = &q.Plans[i]
	}
	var order []string
	var current *assessment.Plan
	lastRank := 0
	seen := map[string]int{}
	for _, row := range rows[1:] {
		if len(row) == 0 {
			continue
		}
		if name, _, ok := strings.Cut(row[0], " – "); ok {
			if p, ok := plansByName[name]; ok {
				current = p
				order = append(order, current.ID)
				lastRank = 0
				continue
			}
		}
		rank, err := strconv.Atoi(row[0])
		if err != nil || current == nil {
			continue // a description or «Ingen tiltak …»
		}
		g := r.Gaps[rank-1]
		if !slices.Contains(g.Plans, current.ID) {
			t.Errorf("gap %d (%s) under %s, but its plans are %v", rank, g.Question.ID, current.ID, g.Plans)
		}
		if rank <= lastRank {
			t.Errorf("%s: rank %d after %d", current.ID, rank, lastRank)
		}
		if row[1] != g.Question.Action.String() {
			t.Errorf("rank %d: action %q", rank, row[1])
		}
		lastRank = rank
		seen[current.ID]++
	}
	want := []string{"planstrategi", "planprogram", "kommuneplan-samfunnsdel", "kommuneplan-arealdel", "okonomiplan", "temaplan", "virksomhetsplan"}
	if !slices.Equal(order, want) {
		t.Errorf("plan order %v, want %v", order, want)
	}
	for _, id := range want {
		n := 0
		for _, g := range r.Gaps {
			if slices.Contains(g.Plans, id) {
				n++
			}
		}
		if seen[id] != n {
			t.Errorf("%s: %d actions listed, want %d", id, seen[id], n)
		}
	}
}

func TestReportAnswers(t *testing.T) {
	r := fixture.Result(t, "../testdata/partial-3440.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	rows, err := f.GetRows(SheetAnswers)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != len(r.Questions) {
		t.Fatalf("%d answer rows, want %d questions", len(rows)-1, len(r.Questions))
	}
	unanswered := 0
	for i, qr := range r.Questions {
		row := rows[i+1]
		if row[11] != qr.Question.ID {
			t.Fatalf("row %d is %s, want %s", i+2, row[11], qr.Question.ID)
		}
		if qr.Status == assessment.Unanswered {
			unanswered++
			if row[4] != "Ikke besvart" {
				t.Errorf("%s: unanswered shows %q", qr.Question.ID, row[4])
			}
		}
	}
	if unanswered == 0 {
		t.Fatal("the partial answers have no unanswered question")
	}
	col, row := wbFind(t, f, SheetAnswers, "styring-temaplan")
	if got := wbValue(t, f, SheetAnswers, col-6, row); got != "Kapittel i klima- og miljøplanen er under arbeid." {
		t.Errorf("comment %q", got)
	}
}

func TestReportPrintSetup(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	data := wbWrite(t, r, ReportOptions{ToolVersion: "1.2.3"})
	f := wbOpen(t, data)
	names := map[string]bool{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			names[dn.Scope] = true
		}
	}
	for _, sh := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		if *pl.Size != 9 || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: page size %d, %s, fit to width %v", sh, *pl.Size, *pl.Orientation, pl.FitToWidth)
		}
		props, err := f.GetSheetProps(sh)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fitted to the page", sh)
		}
		hf, err := f.GetHeaderFooter(sh)
		if err != nil {
			t.Fatal(err)
		}
		if hf == nil || !strings.Contains(hf.OddHeader, "Øyer (3440)") || !strings.Contains(hf.OddFooter, "&P av &N") {
			t.Errorf("%s: header/footer %+v", sh, hf)
		}
		// The Årshjul's grid fits on its first page; its list repeats its
		// own header (TestReportCalendarPages).
		if sh != SheetSummary && sh != SheetMethod && sh != SheetCalendar && !names[sh] {
			t.Errorf("%s: header row is not repeated on printed pages", sh)
		}
		if sh != SheetSummary && sh != SheetMethod && !strings.Contains(wbSheetXML(t, f, sh), `state="frozen"`) {
			t.Errorf("%s: header row is not frozen", sh)
		}
	}
	dp, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(dp.Title, "Øyer") || !strings.Contains(dp.Subject, "Øyer (3440)") || dp.Creator != "sirkel 1.2.3" {
		t.Errorf("document properties %+v", dp)
	}
	if dp.Created != "2026-11-20T00:00:00Z" || dp.Modified != dp.Created {
		t.Errorf("created %q, modified %q; want the fixed time", dp.Created, dp.Modified)
	}
	if !strings.Contains(dp.Description, "ks-sirkulaer@2026.1") {
		t.Errorf("description %q names no questionnaire", dp.Description)
	}
}

// The same inputs give the same workbook: cells, charts and properties.
// (Not byte for byte: excelize writes the content types in map order.)
func TestReportDeterministic(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	base := fixture.Result(t, "../testdata/partial-3440.yaml")
	a := wbWrite(t, r, ReportOptions{Baseline: base})
	b := wbWrite(t, r, ReportOptions{Baseline: base})
	for _, part := range []string{"xl/worksheets/", "xl/sharedStrings.xml", "xl/charts/", "xl/drawings/", "xl/styles.xml", "xl/workbook.xml", "docProps/"} {
		if !slices.Equal(wbZipFiles(t, a, part), wbZipFiles(t, b, part)) {
			t.Errorf("%s differs between two runs", part)
		}
	}
}

func wbSame(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestReportBaseline(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	base := fixture.Result(t, "../testdata/partial-3440.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{Baseline: base}))
	sh := SheetSummary
	// «Endring» is first a key figure, then a column of the area table,
	// whose rows start two header rows below.
	_, figure := wbFind(t, f, sh, "Endring")
	col, head := wbFindAfter(t, f, sh, "Endring", figure)
	for i, ar := range r.Areas {
		b, _ := baselineArea(base, ar.Area.ID)
		got := wbValue(t, f, sh, col, head+2+i)
		if !b.Score.Defined || !ar.Score.Defined {
			if got != "–" {
				t.Errorf("%s: change %q without a baseline score", ar.Area.ID, got)
			}
			continue
		}
		x, err := strconv.ParseFloat(got, 64)
		if d := ar.Score.Value - b.Score.Value; err != nil || !wbSame(x, d) {
			t.Errorf("%s: change %q, want %v", ar.Area.ID, got, d)
		}
	}
	charts := wbZipFiles(t, wbWrite(t, r, ReportOptions{Baseline: base}), "xl/charts/")
	if n := strings.Count(charts[0], "<ser>"); n != 2 {
		t.Errorf("radar chart has %d series, want now and the baseline", n)
	}
	// The baseline series reads empty cells where the baseline has no
	// score, so that the chart leaves them out rather than drawing 0.
	refs := regexp.MustCompile(`<val><numRef><f>&#39;Sammendrag&#39;!\$([A-Z]+)\$(\d+):`).FindAllStringSubmatch(charts[0], -1)
	if len(refs) != 2 {
		t.Fatalf("chart value references %v", refs)
	}
	prevCol, _ := excelize.ColumnNameToNumber(refs[1][1])
	first, _ := strconv.Atoi(refs[1][2])
	for i, ar := range r.Areas {
		b, _ := baselineArea(base, ar.Area.ID)
		got := wbValue(t, f, sh, prevCol, first+i)
		if b.Score.Defined != (got != "") {
			t.Errorf("%s: chart data %q for baseline %+v", ar.Area.ID, got, b.Score)
		}
	}
}

// wbFindAfter finds text in a row after row.
func wbFindAfter(t testing.TB, f *excelize.File, sheet, text string, after int) (col, row int) {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for r := after; r < len(rows); r++ {
		for c, v := range rows[r] {
			if v == text {
				return c + 1, r + 1
			}
		}
	}
	t.Fatalf("%s: no «%s» after row %d", sheet, text, after)
	return 0, 0
}

// Text from an answers file stays text: a comment or a name that looks
// like a formula is never one, and «&» cannot become a header code.
func TestReportUserTextIsNeverAFormula(t *testing.T) {
	src, err := os.ReadFile("../testdata/partial-3440.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "municipality: {name: Øyer, number: \"3440\"}", `municipality: {name: "=1+2&Co", number: "3440"}`, 1)
	s = strings.Replace(s, "comment: Kapittel i klima- og miljøplanen er under arbeid.", `comment: '=HYPERLINK("https://example.com","klikk")'`, 1)
	s = strings.Replace(s, "- {name: Kari Nordbø,", `- {name: "@SUM(A1)",`, 1)
	r := fixture.ResultFrom(t, "evil.yaml", []byte(s))
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	fixture.NoFormulas(t, f)
	col, row := wbFind(t, f, SheetAnswers, `=HYPERLINK("https://example.com","klikk")`)
	if typ, _ := f.GetCellType(SheetAnswers, sheet.Cell(col, row)); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Errorf("comment cell type %v, want a string", typ)
	}
	hf, _ := f.GetHeaderFooter(SheetSummary)
	if !strings.Contains(hf.OddHeader, "=1+2&&Co (3440)") {
		t.Errorf("header %q: «&» must be doubled", hf.OddHeader)
	}
}

// A questionnaire with few steps, tiers and plans, no glossary and no
// examples still gives a complete workbook.
func TestReportSmallQuestionnaire(t *testing.T) {
	q := fixture.Questionnaire(t, "../testdata/mini-questionnaire.yaml")
	r := fixture.Evaluate(t, q, "mini-svar.yaml", []byte(`kind: answers
questionnaire: {id: mini, version: "1"}
municipality: {name: Aurskog-Høland, number: "3226"}
date: 2026-11-20
answers:
  styring-plan: 1
  styring-budsjett: nei
  styring-merknad: Vi starter i år.
  bygg-ombruk: 10
  bygg-rolle: deltaker
`))
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	want := []string{SheetSummary, SheetActions, SheetPlans, SheetCalendar, SheetAnswers, SheetMethod}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	rows, _ := f.GetRows(SheetPlans)
	var groups []string
	for _, row := range rows {
		if len(row) > 0 && strings.Contains(row[0], " – ") {
			groups = append(groups, row[0])
		}
	}
	// bygg-rolle has no plans of its own and its area none: it is listed
	// apart, so that no action is lost.
	if !slices.Contains(groups, "Uten plandokument – ett tiltak") {
		t.Errorf("plan groups %q", groups)
	}
	// The Årshjul lists it last, and counts it in no plan.
	wbFind(t, f, SheetCalendar, "Uten plandokument – ett tiltak")
	_, all := wbFind(t, f, SheetCalendar, "Alle planer")
	inPlans := 0
	for _, g := range r.Gaps {
		inPlans += len(g.Windows)
	}
	if got := wbValue(t, f, SheetCalendar, 3, all); got != strconv.Itoa(inPlans) {
		t.Errorf("all plans: %q actions, want %d", got, inPlans)
	}
}

func TestDefaultReportName(t *testing.T) {
	for _, tc := range []struct{ name, number, want string }{
		{"Øyer", "3440", "3440-oyer-sirkel.xlsx"},
		{"Aurskog-Høland", "3226", "3226-aurskog-holand-sirkel.xlsx"},
		{"Bærum", "3201", "3201-baerum-sirkel.xlsx"},
		{"Våler (Innlandet)", "3419", "3419-valer-innlandet-sirkel.xlsx"},
		{"Guovdageaidnu - Kautokeino", "5626", "5626-guovdageaidnu-kautokeino-sirkel.xlsx"},
		{"../../etc/passwd", "0301", "0301-etc-passwd-sirkel.xlsx"},
		{"", "", "sirkel.xlsx"},
	} {
		if got := DefaultReportName(assessment.Municipality{Name: tc.name, Number: tc.number}); got != tc.want {
			t.Errorf("%q %q: %q, want %q", tc.name, tc.number, got, tc.want)
		}
	}
}

func TestKeyFindingsGolden(t *testing.T) {
	oyer := fixture.Result(t, "../testdata/oyer-3440.yaml")
	partial := fixture.Result(t, "../testdata/partial-3440.yaml")
	var b strings.Builder
	for _, c := range []struct {
		title      string
		r, against *assessment.Result
	}{
		{"Øyer, fullstendig", oyer, nil},
		{"Øyer, delvis besvart", partial, nil},
		{"Øyer, med den delvise besvarelsen som forrige vurdering", oyer, partial},
		{"Øyer 2026.2, med «vet ikke»", fixture.Result(t, "../testdata/oyer-3440-2026.2.yaml"), nil},
		{"Vestland fylkeskommune", fixture.Result(t, "../testdata/vestland-46.yaml"), nil},
	} {
		b.WriteString("== " + c.title + "\n")
		fs := KeyFindings(nb, c.r, c.against)
		if len(fs) < 3 || len(fs) > 6 {
			t.Errorf("%s: %d findings, want 3–6", c.title, len(fs))
		}
		for _, f := range fs {
			b.WriteString("- " + f + "\n")
		}
		b.WriteString("\n")
	}
	golden := filepath.Join("testdata", "findings.golden")
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("findings differ from %s (go test -update rewrites it):\n%s", golden, b.String())
	}
}

func TestKeyFindingsWithoutAnswers(t *testing.T) {
	r := fixture.ResultFrom(t, "tom.yaml", []byte(`kind: answers
questionnaire: {id: ks-sirkulaer, version: "2026.1"}
municipality: {name: Øyer, number: "3440"}
date: 2026-11-20
answers: {}
`))
	fs := KeyFindings(nb, r, nil)
	if len(fs) != 1 || !strings.Contains(fs[0], "ingen skår") {
		t.Errorf("findings %q", fs)
	}
	// The workbook is still complete.
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	col, row := wbFind(t, f, SheetSummary, "Samlet skår")
	if got := wbValue(t, f, SheetSummary, col, row+1); got != "–" {
		t.Errorf("undefined total shows %q", got)
	}
}

// wbSheetText joins all cell values of a sheet.
func wbSheetText(t testing.TB, f *excelize.File, sheet string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, row := range rows {
		b.WriteString(strings.Join(row, "\t") + "\n")
	}
	return b.String()
}

// wbSheetXML returns a worksheet's XML as excelize writes it.
func wbSheetXML(t testing.TB, f *excelize.File, sheet string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	idx, _ := f.GetSheetIndex(sheet)
	files := wbZipFiles(t, buf.Bytes(), "xl/worksheets/sheet"+strconv.Itoa(idx+1)+".xml")
	if len(files) != 1 {
		t.Fatalf("no XML for %s", sheet)
	}
	return files[0]
}

// wbZipFiles returns the contents of the parts whose name starts with
// prefix, sorted by name.
func wbZipFiles(t testing.TB, data []byte, prefix string) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, prefix) && !strings.Contains(zf.Name, "_rels") {
			names = append(names, zf.Name)
		}
	}
	slices.Sort(names)
	out := make([]string, len(names))
	for i, n := range names {
		rc, err := zr.Open(n)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[i] = string(b)
	}
	return out
}

// wbBreaks returns the rows that start a new printed page (manual breaks).
func wbBreaks(t testing.TB, f *excelize.File, sheet string) []int {
	t.Helper()
	var rows []int
	for _, m := range regexp.MustCompile(`<brk id="(\d+)"`).FindAllStringSubmatch(wbSheetXML(t, f, sheet), -1) {
		n, _ := strconv.Atoi(m[1])
		rows = append(rows, n+1)
	}
	return rows
}

// Every printed page of Planverk starts with a plan's name: its heading,
// or «(forts.)» where a long group goes on over a page break. Every page
// of Metode starts with a heading: no table is split.
func TestReportPageBreaks(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	names := map[string]bool{}
	for _, p := range r.Questionnaire.Plans {
		names[p.Name.String()] = true
	}
	breaks := wbBreaks(t, f, SheetPlans)
	if len(breaks) < 3 {
		t.Fatalf("Planverk has %d page breaks, want several", len(breaks))
	}
	continued := 0
	for _, row := range breaks {
		v := wbValue(t, f, SheetPlans, 1, row)
		if v == "" { // the blank row between two groups
			v = wbValue(t, f, SheetPlans, 1, row+1)
		}
		name, _, ok := strings.Cut(v, " – ")
		if cont, found := strings.CutSuffix(v, " (forts.)"); found {
			name, ok = cont, true
			continued++
		}
		if !ok || !names[name] {
			t.Errorf("Planverk: page at row %d starts with %q, not a plan's name", row, v)
		}
	}
	if continued == 0 {
		t.Error("no group of Planverk goes on over a page break; the test data should make one")
	}

	// A page starts with the explanation of the scores, or with a table:
	// its heading, then its header row.
	tableHeads := map[string]bool{"Verdi": true, "Fra skår": true, "Trinn": true, "Nivå": true, "Nr.": true}
	for _, row := range wbBreaks(t, f, SheetMethod) {
		v := wbValue(t, f, SheetMethod, 1, row)
		if v != "Slik regnes skårene" && !tableHeads[wbValue(t, f, SheetMethod, 1, row+1)] {
			t.Errorf("Metode: page at row %d starts with %q, not a table's heading", row, v)
		}
	}
	if len(wbBreaks(t, f, SheetMethod)) == 0 {
		t.Error("Metode has no page breaks; its tables are split wherever the page ends")
	}
}

// The question ids of the Svar sheet are for the screen: the printout ends
// with the gap.
func TestReportAnswersPrintArea(t *testing.T) {
	r := fixture.Result(t, "../testdata/oyer-3440.yaml")
	f := wbOpen(t, wbWrite(t, r, ReportOptions{}))
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Area" && dn.Scope == SheetAnswers {
			if want := "'Svar'!$A:$K"; dn.RefersTo != want {
				t.Errorf("print area %q, want %q", dn.RefersTo, want)
			}
			return
		}
	}
	t.Error("Svar has no print area")
}
