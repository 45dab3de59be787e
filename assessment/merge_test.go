package assessment

import (
	"slices"
	"strings"
	"testing"
)

func mergeParts(t *testing.T, q *Questionnaire, docs ...string) []*Checked {
	t.Helper()
	var parts []*Checked
	for i, doc := range docs {
		name := string(rune('a'+i)) + ".yaml"
		a, ds := ParseAnswers(name, []byte(doc))
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		c, ds := a.Check(q, CheckOptions{})
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		parts = append(parts, c)
	}
	return parts
}

// mergeConflicts merges parts and lists the conflicts as they are shown.
func mergeConflicts(t *testing.T, q *Questionnaire, parts []*Checked, prefer Prefer) (*Answers, []Conflict, []string) {
	t.Helper()
	out, conflicts, ds := Merge(q, parts, prefer)
	if ds != nil {
		t.Fatal(ds)
	}
	var shown []string
	for _, c := range conflicts {
		shown = append(shown, c.String())
	}
	return out, conflicts, shown
}

func mergeMiniQuestionnaire(t *testing.T) *Questionnaire {
	t.Helper()
	return loadQuestionnaireFile(t, "../testdata/mini-questionnaire.yaml")
}

const mergeHead = "kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\n"

func TestMergeUnion(t *testing.T) {
	q := mergeMiniQuestionnaire(t)
	parts := mergeParts(t, q,
		mergeHead+`respondents: [{name: Kari Nordbø, role: Klimarådgiver}]
date: 2026-11-20
targets: {styring: 4}
answers:
  styring-plan: {value: 3, comment: Vedtatt}
  styring-budsjett: ja
  bygg-krav: [lcc, kartlegging]
  bygg-rolle: {comment: Spør eiendom}
`,
		mergeHead+`respondents: [{name: Per Bygg, role: Byggsjef}, {name: KARI NORDBØ, email: kari@example.no}]
date: 2026-11-25
targets: {styring: 4}
answers:
  styring-plan: {value: 3, comment: I kommunestyret 12. mars}
  styring-budsjett: true
  bygg-krav: [kartlegging, lcc]
  bygg-ombruk: na
  bygg-rolle: {value: paadriver, comment: Spør eiendom}
`)
	out, conflicts, ds := Merge(q, parts, PreferNone)
	if ds != nil || len(conflicts) > 0 {
		t.Fatalf("diagnostics %v, conflicts %v", ds, conflicts)
	}
	if got := out.Date.String(); got != "2026-11-25" {
		t.Errorf("date %s, want the latest", got)
	}
	wantResp := []Respondent{{Name: "Kari Nordbø", Role: "Klimarådgiver", Email: "kari@example.no"}, {Name: "Per Bygg", Role: "Byggsjef"}}
	if !slices.Equal(out.Respondents, wantResp) {
		t.Errorf("respondents %v", out.Respondents)
	}
	if out.Targets["styring"] != 4 {
		t.Errorf("targets %v", out.Targets)
	}
	// Check the merged answers as a file would be checked, then compare.
	checked, ds2 := out.Check(q, CheckOptions{})
	if ds2.HasErrors() {
		t.Fatal(ds2)
	}
	for id, want := range map[string]string{
		"styring-plan":     "3|Vedtatt\nI kommunestyret 12. mars",
		"styring-budsjett": "1|",
		"bygg-krav":        "lcc,kartlegging|",
		"bygg-ombruk":      "na|",
		"bygg-rolle":       "paadriver|Spør eiendom",
	} {
		a, ok := out.Answers.Get(id)
		if !ok {
			t.Errorf("%s: missing", id)
			continue
		}
		qu, _, _ := q.Question(id)
		v := checked.Value(qu)
		got := fmtNum(v.Number)
		switch {
		case v.Kind == ValueNA:
			got = "na"
		case len(v.Options) > 0:
			got = strings.Join(v.Options, ",")
		}
		if got+"|"+a.Comment != want {
			t.Errorf("%s: %q, want %q", id, got+"|"+a.Comment, want)
		}
	}
	if _, ok := out.Answers.Get("styring-merknad"); ok {
		t.Error("an unanswered question got an answer")
	}
}

func TestMergeConflicts(t *testing.T) {
	q := mergeMiniQuestionnaire(t)
	parts := mergeParts(t, q,
		mergeHead+"date: 2026-11-20\ntargets: {bygg: 3}\nanswers:\n  styring-plan: {value: 3, comment: Vedtatt}\n  bygg-krav: [lcc]\n  bygg-ombruk: 10\n",
		mergeHead+"date: 2026-11-20\nanswers:\n  styring-plan: 2\n  bygg-ombruk: 10\n",
		mergeHead+"date: 2026-11-20\ntargets: {bygg: 4}\nanswers:\n  styring-plan: {value: 1, comment: Bare planlagt}\n  bygg-krav: [lcc, annet]\n",
	)
	_, _, got := mergeConflicts(t, q, parts, PreferNone)
	want := []string{
		"målet for området «bygg» er besvart ulikt: Etablert (3) i a.yaml, Systematisk og evaluert (4) i c.yaml",
		"spørsmålet «styring-plan» er besvart ulikt: Etablert (3) i a.yaml, Påbegynt (2) i b.yaml, Planlagt (1) i c.yaml",
		"spørsmålet «bygg-krav» er besvart ulikt: Livssykluskostnader i a.yaml, Livssykluskostnader; Annet i c.yaml",
	}
	if !slices.Equal(got, want) {
		t.Errorf("conflicts:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	for _, tc := range []struct {
		prefer        Prefer
		plan, comment string
		krav          []string
		target        float64
	}{
		{PreferFirst, "3", "Vedtatt", []string{"lcc"}, 3},
		{PreferLast, "1", "Bare planlagt", []string{"lcc", "annet"}, 4},
	} {
		out, conflicts, _ := Merge(q, parts, tc.prefer)
		if len(conflicts) != 3 {
			t.Errorf("prefer %d: %d conflicts, want them all reported", tc.prefer, len(conflicts))
		}
		plan, _ := out.Answers.Get("styring-plan")
		krav, _ := out.Answers.Get("bygg-krav")
		if plan.Scalar != tc.plan || plan.Comment != tc.comment || !slices.Equal(krav.List, tc.krav) || out.Targets["bygg"] != tc.target {
			t.Errorf("prefer %d: plan %s %q, krav %v, target %v", tc.prefer, plan.Scalar, plan.Comment, krav.List, out.Targets["bygg"])
		}
	}
}

func TestMergeRefusesMixedSubjects(t *testing.T) {
	q := mergeMiniQuestionnaire(t)
	parts := mergeParts(t, q,
		mergeHead+"date: 2026-11-20\nanswers: {styring-plan: 3}\n",
		strings.Replace(mergeHead, `{name: Øyer, number: "3440"}`, `{name: Lillehammer, number: "3405"}`, 1)+"date: 2026-11-20\nanswers: {bygg-ombruk: 3}\n",
	)
	_, _, ds := Merge(q, parts, PreferLast)
	if len(ds) != 1 || ds[0].File != "b.yaml" || !strings.Contains(ds[0].Message, "svarene gjelder Lillehammer (3405), men a.yaml gjelder Øyer (3440); bare svar fra én kommune kan slås sammen") {
		t.Errorf("mixed municipalities: %v", ds)
	}

	parts = mergeParts(t, q, mergeHead+"date: 2026-11-20\nanswers: {}\n", mergeHead+"date: 2026-11-20\nanswers: {}\n")
	parts[1].Answers.Questionnaire.Version = "2"
	_, _, ds = Merge(q, parts, PreferNone)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "svarene gjelder spørreskjemaet mini@2, men a.yaml gjelder mini@1") {
		t.Errorf("mixed versions: %v", ds)
	}
}

// Merge keeps who gave the chosen answer and its evidence.
func TestMergeKeepsByEvidence(t *testing.T) {
	q := mergeMiniQuestionnaire(t)
	parts := mergeParts(t, q,
		mergeHead+"date: 2026-11-20\nanswers:\n  styring-plan: {value: 3, by: Kari, evidence: [sak 12]}\n",
		mergeHead+"date: 2026-11-21\nanswers:\n  styring-budsjett: {value: ja, by: Per}\n")
	out, _, _ := mergeConflicts(t, q, parts, PreferNone)
	if a, _ := out.Answers.Get("styring-plan"); a.By != "Kari" || !slices.Equal(a.Evidence, []string{"sak 12"}) {
		t.Errorf("styring-plan = %+v", a)
	}
	if a, _ := out.Answers.Get("styring-budsjett"); a.By != "Per" {
		t.Errorf("styring-budsjett = %+v", a)
	}
}

// An answer's comment, evidence and «by» travel with its value: with
// --prefer last the chosen answer keeps its own, equal answers join their
// comments and unite their evidence, and a part one person answered gives
// that person as «by».
func TestMergeCommentEvidenceTravelWithValue(t *testing.T) {
	q := mergeMiniQuestionnaire(t)
	parts := mergeParts(t, q,
		mergeHead+`respondents: [{name: Kari Nordbø}]
date: 2026-11-20
answers:
  styring-plan: {value: 3, comment: Gammel kommentar, evidence: [sak 2025/12]}
  styring-budsjett: {value: ja, comment: Vedtatt i budsjettet, evidence: [budsjett 2026, sak 2025/40]}
  bygg-ombruk: {value: 10, by: Per Bygg}
  bygg-rolle: {comment: Spør eiendom, evidence: [e-post 3. mai]}
`,
		mergeHead+`respondents: [{name: Silje Haugen}, {name: Jon Sletten}]
date: 2026-11-25
answers:
  styring-plan: {value: 2, comment: Ny kommentar, by: Jon Sletten, evidence: [sak 2026/3]}
  styring-budsjett: {value: true, comment: Bekreftet av økonomi, evidence: [sak 2025/40, økonomiplan 2026–2029]}
  bygg-ombruk: 10
  bygg-krav: {value: [lcc], evidence: [" "]}
`)
	for _, tc := range []struct {
		prefer              Prefer
		planComment, planBy string
		planEvidence        []string
		conflicts           int
	}{
		{PreferLast, "Ny kommentar", "Jon Sletten", []string{"sak 2026/3"}, 1},
		{PreferFirst, "Gammel kommentar", "Kari Nordbø", []string{"sak 2025/12"}, 1},
	} {
		out, conflicts, _ := Merge(q, parts, tc.prefer)
		if len(conflicts) != tc.conflicts {
			t.Errorf("prefer %d: conflicts %v", tc.prefer, conflicts)
		}
		plan, _ := out.Answers.Get("styring-plan")
		if plan.Comment != tc.planComment || plan.By != tc.planBy || !slices.Equal(plan.Evidence, tc.planEvidence) {
			t.Errorf("prefer %d: styring-plan %q by %q evidence %q, want %q by %q evidence %q",
				tc.prefer, plan.Comment, plan.By, plan.Evidence, tc.planComment, tc.planBy, tc.planEvidence)
		}
		budget, _ := out.Answers.Get("styring-budsjett")
		if budget.Comment != "Vedtatt i budsjettet\nBekreftet av økonomi" ||
			!slices.Equal(budget.Evidence, []string{"budsjett 2026", "sak 2025/40", "økonomiplan 2026–2029"}) {
			t.Errorf("prefer %d: equal answers: comment %q, evidence %q", tc.prefer, budget.Comment, budget.Evidence)
		}
		// Equal values: the chosen answer's «by», else the first that names
		// someone (the second part has two respondents, so none is taken).
		if budget.By != "Kari Nordbø" {
			t.Errorf("prefer %d: styring-budsjett by %q", tc.prefer, budget.By)
		}
		if a, _ := out.Answers.Get("bygg-ombruk"); a.By != "Per Bygg" {
			t.Errorf("prefer %d: bygg-ombruk by %q, want the one given", tc.prefer, a.By)
		}
		if a, _ := out.Answers.Get("bygg-krav"); a.By != "" || len(a.Evidence) != 0 {
			t.Errorf("prefer %d: bygg-krav by %q evidence %q: a part of two respondents names nobody", tc.prefer, a.By, a.Evidence)
		}
		// An answer without a value keeps its comment, evidence and «by».
		if a, ok := out.Answers.Get("bygg-rolle"); !ok || !a.Empty || a.Comment != "Spør eiendom" || a.By != "Kari Nordbø" || !slices.Equal(a.Evidence, []string{"e-post 3. mai"}) {
			t.Errorf("prefer %d: bygg-rolle %+v", tc.prefer, a)
		}
	}
	// The merged answers write and read back with what they carry.
	out, _, _ := Merge(q, parts, PreferLast)
	var buf strings.Builder
	if err := WriteAnswers(&buf, q, out); err != nil {
		t.Fatal(err)
	}
	back, ds := ParseAnswers("merged.yaml", []byte(buf.String()))
	if ds.HasErrors() {
		t.Fatalf("%v\n%s", ds, buf.String())
	}
	if a, _ := back.Answers.Get("styring-plan"); a.By != "Jon Sletten" || !slices.Equal(a.Evidence, []string{"sak 2026/3"}) {
		t.Errorf("written and read back: %+v\n%s", a, buf.String())
	}
}
