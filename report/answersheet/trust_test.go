package answersheet

import (
	"bytes"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report/internal/fixture"
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// trustAnswers is Øyer's 2026.2 answers with who gave some of them and
// their evidence; they already have «vet-ikke» answers and a plans block.
func trustAnswers(t *testing.T) (*assessment.Questionnaire, *assessment.Checked) {
	t.Helper()
	data, err := os.ReadFile("../../testdata/oyer-3440-2026.2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	for old, repl := range map[string]string{
		"  styring-kunnskapsgrunnlag: 2\n":   "  styring-kunnskapsgrunnlag: {value: 2, by: Kari Nordbø, evidence: [sak 2025/118, https://oyer.kommune.no/klima]}\n",
		"  naering-naeringsfond: vet-ikke\n": "  naering-naeringsfond: {value: vet-ikke, by: Jon Sletten, evidence: [e-post fra næringssjefen 3. mai]}\n",
		"  styring-budsjettskriv: 2\n":       "  styring-budsjettskriv: {value: 2, by: Silje Haugen}\n",
	} {
		if !strings.Contains(src, old) {
			t.Fatalf("the fixture has no %q", old)
		}
		src = strings.Replace(src, old, repl, 1)
	}
	q := fixture.Questionnaire(t, "../../questionnaires/ks-sirkulaer-2026.2.yaml")
	return q, fixture.Answers(t, q, "oyer-3440-2026.2.yaml", []byte(src))
}

func writeIn(t *testing.T, q *assessment.Questionnaire, from *assessment.Checked, l lang.Lang) []byte {
	t.Helper()
	var buf bytes.Buffer
	opt := Options{From: from, Lang: l, Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), ToolVersion: "test"}
	if err := Write(&buf, q, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestAnswerSheetCarriesTrust: «vet ikke», who answered, the evidence and
// the plans go through the sheet and back, in either written standard,
// and score the same.
func TestAnswerSheetCarriesTrust(t *testing.T) {
	q, want := trustAnswers(t)
	for _, l := range []lang.Lang{lang.NB, lang.NN} {
		t.Run(string(l), func(t *testing.T) {
			got, ds := tmplReadBack(t, q, writeIn(t, q, want, l))
			if len(ds) > 0 {
				t.Fatalf("read back with problems:\n%s", ds.Error())
			}
			tmplSame(t, want, got)
			for _, id := range []string{"styring-kunnskapsgrunnlag", "naering-naeringsfond", "styring-budsjettskriv", "styring-planstrategi"} {
				w, _ := want.Answers.Answers.Get(id)
				g, _ := got.Answers.Answers.Get(id)
				if g == nil || g.By != w.By || !slices.Equal(g.Evidence, w.Evidence) || g.Comment != w.Comment {
					t.Errorf("%s: read back %+v, want by %q evidence %q comment %q", id, g, w.By, w.Evidence, w.Comment)
				}
			}
			if !maps.Equal(got.Answers.Plans, want.Answers.Plans) {
				t.Errorf("plans read back as %v, want %v", got.Answers.Plans, want.Answers.Plans)
			}
			ws, gs := assessment.Evaluate(want), assessment.Evaluate(got)
			if ws.Total != gs.Total || ws.Coverage != gs.Coverage || !slices.Equal(ws.Unknown, gs.Unknown) || len(ws.Unknown) != 2 {
				t.Errorf("score %v/%v %d unknown read back as %v/%v %d unknown", ws.Total, ws.Coverage, len(ws.Unknown), gs.Total, gs.Coverage, len(gs.Unknown))
			}
			if !slices.Equal(ws.Windows, gs.Windows) {
				t.Errorf("windows %v read back as %v", ws.Windows, gs.Windows)
			}
		})
	}
}

// rowsOf reads a sheet of a workbook.
func rowsOf(t *testing.T, data []byte, sh string) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestAnswerSheetPlansSheet: the plans the planstrategi revises, and any
// other the answers speak of, in questionnaire order, filled in.
func TestAnswerSheetPlansSheet(t *testing.T) {
	q, from := trustAnswers(t)
	from.Answers.Plans["okonomiplan"] = assessment.PlanStatus{Status: "Rulleres årlig"}
	rows := rowsOf(t, writeIn(t, q, from, lang.NB), "Planer")
	if got := rows[planHeaderRow-1]; !slices.Equal(got, []string{"Plan", "id", "Sist vedtatt", "Neste rullering", "Status"}) {
		t.Errorf("header %q", got)
	}
	var ids []string
	byID := map[string][]string{}
	for _, r := range rows[planHeaderRow:] {
		ids = append(ids, r[1])
		byID[r[1]] = r
	}
	var want []string
	for _, p := range q.Plans {
		if cy := p.EffectiveCycle(); cy != nil && cy.Rule == assessment.CycleDecided || p.ID == "okonomiplan" {
			want = append(want, p.ID)
		}
	}
	if !slices.Equal(ids, want) {
		t.Errorf("plans %v, want %v", ids, want)
	}
	if slices.Contains(ids, "planstrategi") || slices.Contains(ids, "budsjettskriv") {
		t.Errorf("plans with a cycle of their own are listed: %v", ids)
	}
	for id, cells := range map[string][]string{
		"temaplan-klima":       {"Klima- og miljøplan (klima- og energiplan)", "temaplan-klima", "2020", "2027-06", "under revisjon"},
		"kommuneplan-arealdel": {"Kommuneplanens arealdel", "kommuneplan-arealdel", "2019-06", "2028"},
		"okonomiplan":          {"Handlingsdel med økonomiplan og årsbudsjett", "okonomiplan", "", "", "Rulleres årlig"},
		"temaplan-vann":        {"Hovedplan for vann og avløp", "temaplan-vann"},
	} {
		if got := byID[id]; !slices.Equal(got, cells) {
			t.Errorf("%s: %q, want %q", id, got, cells)
		}
	}
	// In nynorsk the sheet and its headers are nynorsk, the plan names too.
	rows = rowsOf(t, writeIn(t, q, from, lang.NN), "Planar")
	if got := rows[planHeaderRow-1]; !slices.Equal(got, []string{"Plan", "id", "Sist vedteken", "Neste rullering", "Status"}) {
		t.Errorf("nynorsk header %q", got)
	}
	if got := rows[planHeaderRow+2][0]; got != "Kommuneplanen sin arealdel" {
		t.Errorf("nynorsk plan name %q", got)
	}
	// A questionnaire without such plans, and answers without any, get no
	// Planer sheet.
	mini := fixture.Questionnaire(t, "../../testdata/mini-questionnaire.yaml")
	f, err := excelize.OpenReader(bytes.NewReader(tmplWrite(t, mini, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); slices.Contains(got, "Planer") {
		t.Errorf("sheets %v", got)
	}
}

// planRow finds the row of a plan on the Planer sheet.
func planRow(t *testing.T, f *excelize.File, sh, id string) int {
	t.Helper()
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > colPlanID-1 && r[colPlanID-1] == id {
			return i + 1
		}
	}
	t.Fatalf("no row for plan %s", id)
	return 0
}

// TestAnswerSheetPlanCells: dates typed as text or made dates by the
// spreadsheet program are read by the one rule for plan dates; what is
// wrong is reported at its cell, Answers.Check's plan checks too.
func TestAnswerSheetPlanCells(t *testing.T) {
	q, from := trustAnswers(t)
	good := writeIn(t, q, from, lang.NB)
	set := func(id string, col int, v any) func(*testing.T, *excelize.File) {
		return func(t *testing.T, f *excelize.File) {
			tmplSet(t, f, "Planer", sheet.Cell(col, planRow(t, f, "Planer", id)), v)
		}
	}
	for _, tc := range []struct {
		name  string
		edit  func(*testing.T, *excelize.File)
		diags []string // regular expressions, one per diagnostic (warnings too)
		plan  string   // the plan to check …
		want  assessment.PlanStatus
	}{
		{"a year typed as a number", set("temaplan-avfall", colPlanNext, 2029), nil,
			"temaplan-avfall", assessment.PlanStatus{Next: assessment.YearMonth{Year: 2029}}},
		{"a month made a date by the program", set("temaplan-avfall", colPlanNext, time.Date(2028, 3, 1, 0, 0, 0, 0, time.UTC)), nil,
			"temaplan-avfall", assessment.PlanStatus{Next: assessment.YearMonth{Year: 2028, Month: 3}}},
		{"an adoption date made a date", set("temaplan-avfall", colPlanAdopted, time.Date(2021, 6, 15, 0, 0, 0, 0, time.UTC)), nil,
			"temaplan-avfall", assessment.PlanStatus{Adopted: assessment.YearMonth{Year: 2021, Month: 6, Day: 15}, Next: assessment.YearMonth{Year: 2027, Month: 10}}},
		{"a new plan filled in", func(t *testing.T, f *excelize.File) {
			set("temaplan-vann", colPlanAdopted, "2016")(t, f)
			set("temaplan-vann", colPlanStatus, "  Skal rulleres ")(t, f)
		}, nil, "temaplan-vann", assessment.PlanStatus{Adopted: assessment.YearMonth{Year: 2016}, Status: "Skal rulleres"}},
		{"emptied", func(t *testing.T, f *excelize.File) {
			set("temaplan-avfall", colPlanNext, "")(t, f)
		}, nil, "temaplan-avfall", assessment.PlanStatus{}},
		{"words for a date", set("kommuneplan-samfunnsdel", colPlanAdopted, "juni 2021"),
			[]string{`^svarskjema.xlsx: Planer!C5: ugyldig tidspunkt «juni 2021»; skriv et år \(2021\), en måned \(2021-06\) eller en dato \(2021-06-15\)$`},
			"", assessment.PlanStatus{}},
		{"a day in next", set("kommuneplan-samfunnsdel", colPlanNext, "2027-06-15"),
			[]string{`^svarskjema.xlsx: Planer!D5: ugyldig tidspunkt «2027-06-15»; skriv et år \(2027\) eller en måned \(2027-06\)$`}, "", assessment.PlanStatus{}},
		{"month 13", set("kommuneplan-samfunnsdel", colPlanNext, "2027-13"),
			[]string{`^svarskjema.xlsx: Planer!D5: ugyldig tidspunkt «2027-13»: måneden må være 01–12`}, "", assessment.PlanStatus{}},
		{"next revision passed", set("kommuneplan-samfunnsdel", colPlanNext, "2025"),
			[]string{`^svarskjema.xlsx: advarsel: Planer!D5: neste revisjon er passert: «next: 2025» er før besvarelsen \(2026-11-20\)`},
			"kommuneplan-samfunnsdel", assessment.PlanStatus{Adopted: assessment.YearMonth{Year: 2021}, Next: assessment.YearMonth{Year: 2025}, Status: "revisjon vedtatt i planstrategien"}},
		{"unknown plan id", func(t *testing.T, f *excelize.File) {
			tmplSet(t, f, "Planer", sheet.Cell(colPlanID, 5), "kommuneplan-samfunsdel")
		}, []string{`^svarskjema.xlsx: Planer!B5: ukjent plan «kommuneplan-samfunsdel»; gyldige: .* – mente du «kommuneplan-samfunnsdel»\?$`}, "", assessment.PlanStatus{}},
		{"a plan twice", func(t *testing.T, f *excelize.File) {
			tmplSet(t, f, "Planer", sheet.Cell(colPlanID, 6), "kommuneplan-samfunnsdel")
		}, []string{`^svarskjema.xlsx: Planer!B6: planen «kommuneplan-samfunnsdel» står også i rad 5; hver plan skal stå i én rad$`}, "", assessment.PlanStatus{}},
		{"no id column", func(t *testing.T, f *excelize.File) {
			tmplSet(t, f, "Planer", sheet.Cell(colPlanID, planHeaderRow), "Nøkkel")
		}, []string{`^svarskjema.xlsx: Planer: fant ingen kolonne med overskriften «id» i de første radene; sirkel finner planene med den`}, "", assessment.PlanStatus{}},
		{"columns moved, header in nynorsk", func(t *testing.T, f *excelize.File) {
			if err := f.InsertCols("Planer", "A", 1); err != nil {
				t.Fatal(err)
			}
			tmplSet(t, f, "Planer", sheet.Cell(colPlanAdopted+1, planHeaderRow), "Sist vedteken")
			if err := f.SetSheetName("Planer", "Planar"); err != nil {
				t.Fatal(err)
			}
			tmplSet(t, f, "Planar", sheet.Cell(colPlanAdopted+1, 6), "2019")
		}, nil, "kommuneplan-arealdel", assessment.PlanStatus{Adopted: assessment.YearMonth{Year: 2019}, Next: assessment.YearMonth{Year: 2028}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ds := tmplReadBack(t, q, tmplEdit(t, good, func(f *excelize.File) { tc.edit(t, f) }))
			msgs := tmplDiagStrings(ds)
			if len(msgs) != len(tc.diags) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(msgs), len(tc.diags), strings.Join(msgs, "\n"))
			}
			for i, re := range tc.diags {
				if !regexp.MustCompile(re).MatchString(msgs[i]) {
					t.Errorf("diagnostic %d:\n got  %s\n want %s", i, msgs[i], re)
				}
			}
			if tc.plan != "" && got.Answers.Plans[tc.plan] != tc.want {
				t.Errorf("%s read as %+v, want %+v", tc.plan, got.Answers.Plans[tc.plan], tc.want)
			}
		})
	}
}

// TestAnswerSheetWithoutPlansSheet: a workbook from before the Planer
// sheet reads as it did.
func TestAnswerSheetWithoutPlansSheet(t *testing.T) {
	q, from := trustAnswers(t)
	data := tmplEdit(t, writeIn(t, q, from, lang.NB), func(f *excelize.File) {
		if err := f.DeleteSheet("Planer"); err != nil {
			t.Fatal(err)
		}
	})
	got, ds := tmplReadBack(t, q, data)
	if len(ds) > 0 {
		t.Fatalf("read back with problems:\n%s", ds.Error())
	}
	if len(got.Answers.Plans) != 0 {
		t.Errorf("plans %v from a workbook without them", got.Answers.Plans)
	}
	if got.Answers.Answers.Len() == 0 {
		t.Error("no answers read")
	}
}

// TestAnswerSheetNynorsk: a workbook written in nynorsk has nynorsk sheet
// names, headers, instructions and dropdowns, and its diagnostics name its
// own cells.
func TestAnswerSheetNynorsk(t *testing.T) {
	q, from := trustAnswers(t)
	data := writeIn(t, q, from, lang.NN)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Om", "Svar", "Planar", "Lister"}) {
		t.Errorf("sheets %v", got)
	}
	rows, _ := f.GetRows("Svar")
	if want := []string{"id", "Område", "Trinn", "Nivå", "Spørsmål", "Hjelp", "Svar", "Kommentar", "Svara av", "Dokumentasjon"}; !slices.Equal(rows[0], want) {
		t.Errorf("header %q", rows[0])
	}
	about, _ := f.GetRows("Om")
	text := ""
	for _, r := range about {
		text += strings.Join(r, " ") + "\n"
	}
	for _, want := range []string{"Spørjeskjema", "Kven har svara", "«Veit ikkje» når ingen veit svaret", "«Ikkje relevant» der spørsmålet ikkje gjeld kommunen", "På arket «Planar»"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Om sheet lacks %q:\n%s", want, text)
		}
	}
	for _, bokmal := range []string{"Spørreskjema", "Hvem", "ikke"} {
		if strings.Contains(text, bokmal) {
			t.Errorf("the nynorsk Om sheet says %q", bokmal)
		}
	}
	// The scale dropdown ends with «Veit ikkje»; a choice that allows it,
	// with «Ikkje relevant».
	lists, _ := f.GetRows("Lister")
	var last []string
	for c := range lists[0] {
		col := []string{}
		for _, r := range lists {
			if c < len(r) && r[c] != "" {
				col = append(col, r[c])
			}
		}
		last = append(last, col[len(col)-1])
	}
	if !slices.Contains(last, "Veit ikkje") || !slices.Contains(last, "Ikkje relevant") || slices.Contains(last, "Vet ikke") {
		t.Errorf("the lists end with %q", last)
	}
	// A dropdown value in nynorsk reads back; an error names the cell.
	row := tmplRowOf(t, f, "styring-ressursmal")
	data = tmplEdit(t, data, func(f *excelize.File) {
		tmplSet(t, f, "Svar", sheet.Cell(colAnswer, row), "Veit ikkje")
		tmplSet(t, f, "Svar", sheet.Cell(colAnswer, row+1), "Kanskje")
	})
	got, ds := tmplReadBack(t, q, data)
	msgs := tmplDiagStrings(ds)
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0], "svarskjema.xlsx: Svar!G"+itoa(row+1)+": «Kanskje» er ikke en verdi på skalaen") {
		t.Errorf("diagnostics %q", msgs)
	}
	if len(ds) == 1 && !strings.Contains(ds[0].In(lang.For(lang.NN)), "er ikkje ein verdi på skalaen") {
		t.Errorf("in nynorsk: %s", ds[0].In(lang.For(lang.NN)))
	}
	qu, _, _ := q.Question("styring-ressursmal")
	if v := got.Value(qu); v.Kind != assessment.ValueDontKnow {
		t.Errorf("«Veit ikkje» read as %+v", v)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestAnswerSheetNumberLimits: a number question with min and max gets a
// validation for that range that still takes the words it allows, and its
// help and input message say the range.
func TestAnswerSheetNumberLimits(t *testing.T) {
	q, from := trustAnswers(t)
	for _, tc := range []struct {
		l                     lang.Lang
		formula, input, words string
	}{
		{lang.NB, `OR(AND(ISNUMBER(G%d),G%d>=0,G%d<=100),G%d="Vet ikke")`, "Skriv et tall fra 0 til 100 (prosent), eller «Vet ikke».", "Skriv et tall fra 0 til 100 (prosent). Skriv «Vet ikke» hvis ingen vet svaret."},
		{lang.NN, `OR(AND(ISNUMBER(G%d),G%d>=0,G%d<=100),G%d="Veit ikkje")`, "Skriv eit tal frå 0 til 100 (prosent), eller «Veit ikkje».", "Skriv eit tal frå 0 til 100 (prosent). Skriv «Veit ikkje» om ingen veit svaret."},
	} {
		f, err := excelize.OpenReader(bytes.NewReader(writeIn(t, q, from, tc.l)))
		if err != nil {
			t.Fatal(err)
		}
		row := tmplRowOf(t, f, "naering-innkjop-andel")
		dvs, err := f.GetDataValidations("Svar")
		if err != nil {
			t.Fatal(err)
		}
		ref := sheet.Cell(colAnswer, row)
		var dv *excelize.DataValidation
		for _, d := range dvs {
			if d.Sqref == ref {
				dv = d
			}
		}
		want := strings.ReplaceAll(tc.formula, "%d", itoa(row))
		if dv == nil || dv.Type != "custom" || dv.Formula1 != want {
			t.Fatalf("%s: validation of %s: %+v, want %s", tc.l, ref, dv, want)
		}
		if dv.Prompt == nil || *dv.Prompt != tc.input || dv.Error == nil || !strings.Contains(*dv.Error, tc.input[:len(tc.input)-1]) {
			t.Errorf("%s: input %v, error %v", tc.l, deref(dv.Prompt), deref(dv.Error))
		}
		help, _ := f.GetCellValue("Svar", sheet.Cell(colHelp, row))
		if !strings.HasSuffix(help, tc.words) {
			t.Errorf("%s: help %q, want it to end %q", tc.l, help, tc.words)
		}
		f.Close()
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// TestNumberFormula: the validation formula for every kind of limit, and
// as it stands in the file (escaped for XML: excelize writes it as is).
func TestNumberFormula(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		min, max *float64
		words    []string
		want     string
	}{
		{nil, nil, []string{"Vet ikke"}, `OR(ISNUMBER(G5),G5="Vet ikke")`},
		{f(0), f(100), []string{"Vet ikke", "Ikke relevant"}, `OR(AND(ISNUMBER(G5),G5&gt;=0,G5&lt;=100),G5="Vet ikke",G5="Ikke relevant")`},
		{f(-2.5), nil, []string{"Veit ikkje"}, `OR(AND(ISNUMBER(G5),G5&gt;=-2.5),G5="Veit ikkje")`},
		{nil, f(1e15), []string{`Si "nei"`}, `OR(AND(ISNUMBER(G5),G5&lt;=1000000000000000),G5="Si ""nei""")`},
	} {
		if got := numberFormula("G5", tc.min, tc.max, tc.words); got != tc.want {
			t.Errorf("numberFormula(%v, %v, %q) = %s, want %s", tc.min, tc.max, tc.words, got, tc.want)
		}
	}
}
