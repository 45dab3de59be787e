package scores

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"weak"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/synth"
	"github.com/sirkel/sirkel/report/internal/fixture"
)

// jsonCases are results to encode: synthetic files for the questionnaire
// without plan cycles and the one with them, some answered too little to
// trust, some with «vet ikke» answers and a plans block, and Øyer's own
// answers to 2026.2.
func jsonCases(t *testing.T) []*assessment.Result {
	t.Helper()
	var rs []*assessment.Result
	for _, path := range []string{"../../questionnaires/ks-sirkulaer-2026.1.yaml", "../../questionnaires/ks-sirkulaer-2026.2.yaml"} {
		q := fixture.Questionnaire(t, path)
		for i := range 30 {
			rate := 0.7
			if i%5 == 0 {
				rate = 0.3
			}
			src := string(synth.File(q, synth.Options{Seed: 9, AnswerRate: rate}, i))
			if i%2 == 1 {
				src = withDontKnow(src, 4)
				if q.Version == "2026.2" {
					src = strings.Replace(src, "\nanswers:\n", "\nplans:\n  okonomiplan: {next: 2028-03}\n  temaplan-klima: {next: 2020}\nanswers:\n", 1)
				}
			}
			rs = append(rs, fixture.Evaluate(t, q, "a.yaml", []byte(src)))
		}
	}
	q := fixture.Questionnaire(t, "../../questionnaires/ks-sirkulaer-2026.2.yaml")
	data, err := os.ReadFile("../../testdata/oyer-3440-2026.2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return append(rs, fixture.Evaluate(t, q, "oyer.yaml", data))
}

// withDontKnow answers every n-th answered question «vet-ikke».
func withDontKnow(src string, n int) string {
	lines := strings.Split(src, "\n")
	k := 0
	for i, l := range lines {
		if id, _, ok := strings.Cut(l, ": "); ok && strings.HasPrefix(id, "  ") && !strings.HasPrefix(id, "   ") && !strings.Contains(id, "{") {
			if k++; k%n == 0 {
				lines[i] = id + ": vet-ikke"
			}
		}
	}
	return strings.Join(lines, "\n")
}

// TestResultJSONMatchesResult decodes the hand-appended JSON and checks it
// against the Result it came from, field by field.
func TestResultJSONMatchesResult(t *testing.T) {
	enc := NewJSONEncoder()
	var uncertain, certain, unknown, known, unknownWindows int
	for i, r := range jsonCases(t) {
		q := r.Questionnaire
		file := `svar/"rar" <fil> & \navn.yaml`
		b := enc.AppendResult(nil, file, r)
		if !json.Valid(b) {
			t.Fatalf("invalid JSON: %s", b)
		}
		var got struct {
			File      string   `json:"file"`
			Score     *float64 `json:"score"`
			Coverage  *float64 `json:"coverage"`
			Uncertain *bool    `json:"uncertain"`
			Level     *struct {
				Rank int    `json:"rank"`
				Name string `json:"name"`
			} `json:"level"`
			Areas []struct {
				ID    string              `json:"id"`
				Score *float64            `json:"score"`
				Steps map[string]*float64 `json:"steps"`
				Tiers map[string]*float64 `json:"tiers"`
			} `json:"areas"`
			Steps map[string]struct{ Score, Coverage *float64 } `json:"steps"`
			Tiers map[string]struct{ Score, Coverage *float64 } `json:"tiers"`
			Gaps  []struct {
				Question   string          `json:"question"`
				Step       *int            `json:"step"`
				Tier       *string         `json:"tier"`
				Value      any             `json:"value"`
				Target     float64         `json:"target"`
				Gap        float64         `json:"gap"`
				Priority   float64         `json:"priority"`
				Plans      []string        `json:"plans"`
				Windows    json.RawMessage `json:"windows"`
				NextWindow *string         `json:"next_window"`
				Action     string          `json:"action"`
			} `json:"gaps"`
			Unanswered []string `json:"unanswered"`
			Unknown    []string `json:"unknown"`
		}
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		same := func(what string, p *float64, s assessment.Score) {
			if (p != nil) != s.Defined || (p != nil && *p != s.Value) {
				t.Fatalf("file %d %s: json %v, result %+v", i, what, p, s)
			}
		}
		if got.File != file {
			t.Errorf("file = %q", got.File)
		}
		same("score", got.Score, r.Total)
		same("coverage", got.Coverage, r.Coverage)
		if got.Uncertain == nil || *got.Uncertain != r.Uncertain {
			t.Errorf("file %d uncertain = %v, want %v", i, got.Uncertain, r.Uncertain)
		}
		if r.Uncertain {
			uncertain++
		} else {
			certain++
		}
		if (got.Level == nil) != (r.Level == nil) || (r.Level != nil && (got.Level.Rank != r.Level.Rank || got.Level.Name != r.Level.Name())) {
			t.Errorf("level = %+v", got.Level)
		}
		for ai, ar := range r.Areas {
			ga := got.Areas[ai]
			same(ar.Area.ID, ga.Score, ar.Score)
			for si, s := range q.Steps {
				same(ar.Area.ID+" step", ga.Steps[string(rune('0'+s.ID))], ar.Steps[si].Score)
			}
			for ti, tr := range q.Tiers {
				same(ar.Area.ID+" tier", ga.Tiers[tr.ID], ar.Tiers[ti].Score)
			}
			if len(ga.Steps) != len(q.Steps) || len(ga.Tiers) != len(q.Tiers) {
				t.Errorf("every step and tier must appear")
			}
		}
		for si, s := range q.Steps {
			same("step", got.Steps[string(rune('0'+s.ID))].Score, r.Steps[si].Score)
			same("step coverage", got.Steps[string(rune('0'+s.ID))].Coverage, r.Steps[si].Coverage)
		}
		if len(got.Gaps) != len(r.Gaps) || len(got.Unanswered) != len(r.Unanswered) {
			t.Fatalf("gaps %d/%d unanswered %d/%d", len(got.Gaps), len(r.Gaps), len(got.Unanswered), len(r.Unanswered))
		}
		if got.Unknown == nil || strings.Join(got.Unknown, ",") != strings.Join(ids(r.Unknown), ",") {
			t.Fatalf("file %d unknown = %q, want %q", i, got.Unknown, ids(r.Unknown))
		}
		unknown += len(got.Unknown)
		for gi, g := range r.Gaps {
			gg := got.Gaps[gi]
			if gg.Question != g.Question.ID || gg.Gap != g.Gap || gg.Priority != g.Priority || gg.Target != g.Target ||
				gg.Action != g.Question.Action.String() || strings.Join(gg.Plans, ",") != strings.Join(g.Plans, ",") {
				t.Fatalf("gap %d = %+v, want %+v", gi, gg, g.QuestionResult)
			}
			if (gg.Step == nil) != (g.Question.Step == 0) || (gg.Tier == nil) != (g.Question.Tier == "") {
				t.Fatalf("gap %d step/tier = %v/%v", gi, gg.Step, gg.Tier)
			}
			keys, windows := orderedObject(t, gg.Windows)
			if strings.Join(keys, ",") != strings.Join(g.Plans, ",") {
				t.Fatalf("gap %d windows %s, want the plans %v in order", gi, gg.Windows, g.Plans)
			}
			for j, id := range g.Plans {
				w := windows[id]
				if monthText(w) != windowText(&g.Windows[j]) {
					t.Fatalf("gap %d window %s = %v, want %+v", gi, id, monthText(w), g.Windows[j])
				}
				if w != nil {
					known++
				} else {
					unknownWindows++
				}
			}
			if monthText(gg.NextWindow) != windowText(g.NextWindow) {
				t.Fatalf("gap %d next_window = %v, want %+v", gi, monthText(gg.NextWindow), g.NextWindow)
			}
		}
	}
	if uncertain == 0 || certain == 0 || unknown == 0 || known == 0 || unknownWindows == 0 {
		t.Errorf("the cases miss a kind: %d uncertain, %d certain, %d «vet ikke», %d known and %d unknown windows",
			uncertain, certain, unknown, known, unknownWindows)
	}
}

// orderedObject decodes a JSON object of strings or nulls, with its keys
// in the order they stand.
func orderedObject(t *testing.T, raw json.RawMessage) ([]string, map[string]*string) {
	t.Helper()
	var m map[string]*string
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		t.Fatalf("not an object of strings: %s (%v)", raw, err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	var keys []string
	if _, err := dec.Token(); err != nil { // {
		t.Fatal(err)
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, key.(string))
		if _, err := dec.Token(); err != nil { // the value
			t.Fatal(err)
		}
	}
	return keys, m
}

func ids(qs []*assessment.Question) []string {
	out := []string{}
	for _, qu := range qs {
		out = append(out, qu.ID)
	}
	return out
}

func monthText(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func windowText(w *assessment.Window) string {
	if w == nil || !w.Known {
		return "null"
	}
	return w.Month.String()
}

// The parts a JSONEncoder encodes once per questionnaire belong to it:
// when the encoder is gone, nothing keeps the questionnaire alive (a
// process-wide cache did, for as long as the process ran).
func TestJSONEncoderPartsGoWithTheEncoder(t *testing.T) {
	encode := func() weak.Pointer[assessment.Questionnaire] {
		q := fixture.Questionnaire(t, "../../testdata/mini-questionnaire.yaml")
		r := fixture.Evaluate(t, q, "a.yaml", []byte(miniAnswers))
		if b := NewJSONEncoder().AppendResult(nil, "a.yaml", r); !json.Valid(b) {
			t.Fatalf("invalid JSON: %s", b)
		}
		return weak.Make(q)
	}
	q := encode()
	runtime.GC()
	if q.Value() != nil {
		t.Error("the questionnaire outlives the encoder that encoded its results")
	}
}

// One encoder serves the workers of a batch, whatever questionnaire each
// file answers, and encodes as one used alone would.
func TestJSONEncoderSharedByWorkers(t *testing.T) {
	qs := []*assessment.Questionnaire{
		fixture.Questionnaire(t, "../../questionnaires/ks-sirkulaer-2026.1.yaml"),
		fixture.Questionnaire(t, "../../testdata/mini-questionnaire.yaml"),
	}
	var results []*assessment.Result
	for i := range 16 {
		q := qs[i%2]
		src := []byte(miniAnswers)
		if q.ID != "mini" {
			src = synth.File(q, synth.Options{Seed: 3}, i)
		}
		results = append(results, fixture.Evaluate(t, q, "a.yaml", src))
	}
	want := make([]string, len(results))
	for i, r := range results {
		want[i] = string(NewJSONEncoder().AppendResult(nil, "a.yaml", r))
	}
	enc := NewJSONEncoder()
	got := make([]string, len(results))
	var wg sync.WaitGroup
	for i, r := range results {
		wg.Go(func() { got[i] = string(enc.AppendResult(nil, "a.yaml", r)) })
	}
	wg.Wait()
	for i := range results {
		if got[i] != want[i] {
			t.Errorf("result %d encoded by a shared encoder:\n%s\nalone:\n%s", i, got[i], want[i])
		}
	}
}

const miniAnswers = "kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-20\nanswers: {styring-plan: 2}\n"

func TestAppendFloatLikeEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.5, 1.0 / 3, 100, 1e-7, 1.5e-9, 1e21, 123456789.125, 29.999999999999996, math.SmallestNonzeroFloat64} {
		want, _ := json.Marshal(f)
		if got := appendFloat(nil, f); !bytes.Equal(got, want) {
			t.Errorf("appendFloat(%v) = %s, want %s", f, got, want)
		}
	}
}

func TestCSVIsSafeFromFormulas(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"+47 123":           "'+47 123",
		"-1+1":              "'-1+1",
		"@SUM(A1)":          "'@SUM(A1)",
		"-":                 "-",
		"Øyer":              "Øyer",
		"":                  "",
	} {
		if got := SafeCSV(in); got != want {
			t.Errorf("SafeCSV(%q) = %q, want %q", in, got, want)
		}
	}
	q := fixture.Questionnaire(t, "../../testdata/mini-questionnaire.yaml")
	r := fixture.Evaluate(t, q, "a.yaml", []byte("kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: \"=cmd|' /C calc'!A0\", number: \"3440\"}\ndate: 2026-11-20\nanswers: {styring-plan: 2}\n"))
	var buf bytes.Buffer
	w := NewCSVWriter(&buf, q)
	w.Add("@fil.yaml", r)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][0] != "'@fil.yaml" || rows[1][2] != "'=cmd|' /C calc'!A0" || rows[1][3] != "50" {
		t.Errorf("row = %q", rows[1])
	}
}
