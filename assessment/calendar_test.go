package assessment

import (
	"strings"
	"testing"
)

func TestNextWindow(t *testing.T) {
	q := mustQ(t, calendarQ)
	for _, c := range []struct {
		name, plan, date string
		own              map[string]PlanStatus
		want             string // "" for unknown
	}{
		// The worked example of the task, D = 2026-11-20.
		{"yearly lead 6: 2026-12 is too early", "okonomiplan", "2026-11-20", nil, "2027-12"},
		{"election lead 9: 2024-10 is past", "planstrategi", "2026-11-20", nil, "2028-10"},
		{"decided with next as a year: its December", "temaplan", "2026-11-20", next("temaplan", "2027"), "2027-12"},

		// In the adoption month itself.
		{"yearly lead 0 in the adoption month", "budsjett", "2026-12-05", nil, "2026-12"},
		{"yearly lead 1 in the adoption month", "budsjett-innspill", "2026-12-05", nil, "2027-12"},
		{"yearly lead 1 a month before", "budsjett-innspill", "2026-11-30", nil, "2026-12"},
		{"yearly lead 0 earlier in the year", "budsjett", "2026-03-01", nil, "2026-12"},
		{"yearly lead 0 after the adoption month", "budsjett", "2027-01-01", nil, "2027-12"},
		{"yearly lead 6 exactly in time", "okonomiplan", "2026-06-30", nil, "2026-12"},

		// Across the 2027 and 2031 elections.
		{"election lead 9 after the 2023 election", "planstrategi", "2027-01-15", nil, "2028-10"},
		{"election lead 9 exactly in time", "planstrategi", "2028-01-31", nil, "2028-10"},
		{"election lead 9 too late for 2028", "planstrategi", "2028-02-01", nil, "2032-10"},
		{"election lead 0 after the 2031 election", "valgplan", "2031-12-31", nil, "2032-10"},
		{"election lead 0 in the due month", "valgplan", "2028-10-31", nil, "2028-10"},
		{"election lead 0 after the due month", "valgplan", "2028-11-01", nil, "2032-10"},
		{"election before 2023", "valgplan", "2019-09-01", nil, "2020-10"},

		// The answers file's own next revision.
		{"next overrides the rule", "okonomiplan", "2026-11-20", next("okonomiplan", "2029-03"), "2029-03"},
		{"next in D's month counts", "okonomiplan", "2026-11-20", next("okonomiplan", "2026-11"), "2026-11"},
		{"next in the past: the rule", "okonomiplan", "2026-11-20", next("okonomiplan", "2026-10"), "2027-12"},
		{"next as a past year: the rule", "planstrategi", "2026-11-20", next("planstrategi", "2025"), "2028-10"},
		{"next of another plan does not count", "okonomiplan", "2026-11-20", next("budsjett", "2029-03"), "2027-12"},
		{"decided without next", "temaplan", "2026-11-20", nil, ""},
		{"decided with next in the past", "temaplan", "2026-11-20", next("temaplan", "2026-10"), ""},

		// Sub-plans use their parent's cycle, recursively.
		{"parent's cycle", "arealdel", "2026-11-20", nil, "2028-06"},
		{"grand-parent's cycle", "sentrumsplan", "2026-11-20", nil, "2028-06"},
		{"grand-parent's cycle, too late for 2028", "sentrumsplan", "2028-04-01", nil, "2032-06"},
		{"inherited decided without next", "avfallsplan", "2026-11-20", nil, ""},
		{"inherited decided with its own next", "avfallsplan", "2026-11-20", next("avfallsplan", "2028-06"), "2028-06"},

		// No cycle at all.
		{"no cycle", "eierskapsmelding", "2026-11-20", nil, ""},
		{"no cycle with next", "eierskapsmelding", "2026-11-20", next("eierskapsmelding", "2027-06"), "2027-06"},
		{"unknown plan", "finnes-ikke", "2026-11-20", nil, ""},
	} {
		m, ok := q.NextWindow(c.plan, day(c.date), c.own)
		got := ""
		if ok {
			got = m.String()
		}
		if got != c.want {
			t.Errorf("%s: NextWindow(%s, %s) = %q, want %q", c.name, c.plan, c.date, got, c.want)
		}
	}
	if _, ok := q.NextWindow("budsjett", Date{}, nil); ok {
		t.Error("a window without an assessment date")
	}
	top, _ := q.Plan("kommuneplan")
	for id, want := range map[string]*Cycle{"kommuneplan": top.Cycle, "arealdel": top.Cycle, "sentrumsplan": top.Cycle, "eierskapsmelding": nil} {
		if p, _ := q.Plan(id); p.EffectiveCycle() != want {
			t.Errorf("%s: effective cycle %+v", id, p.EffectiveCycle())
		}
	}
}

func TestEvaluateWindows(t *testing.T) {
	q := mustQ(t, calendarQ)
	r := Evaluate(mustAnswersFor(t, q, "answers: {styring-plan: 1, styring-budsjett: 1, styring-eierskap: 1}\n"))
	gaps := map[string]Gap{}
	for _, g := range r.Gaps {
		gaps[g.Question.ID] = g
	}
	windows := func(g Gap) string {
		var s []string
		for _, w := range g.Windows {
			m := "ukjent"
			if w.Known {
				m = w.Month.String()
			}
			s = append(s, w.Plan+" "+m)
		}
		return strings.Join(s, ", ")
	}
	// Two plans: the windows in the gap's plan order, the earliest next.
	g := gaps["styring-budsjett"]
	if got := windows(g); got != "planstrategi 2028-10, okonomiplan 2027-12" {
		t.Errorf("windows = %s", got)
	}
	if g.NextWindow == nil || g.NextWindow.Plan != "okonomiplan" || g.NextWindow.Month != (Month{2027, 12}) {
		t.Errorf("next window = %+v", g.NextWindow)
	}
	// The area's plan.
	if g := gaps["styring-plan"]; windows(g) != "planstrategi 2028-10" || g.NextWindow == nil || g.NextWindow.Month != (Month{2028, 10}) {
		t.Errorf("styring-plan: %s, next %+v", windows(g), g.NextWindow)
	}
	// No known window: none next.
	if g := gaps["styring-eierskap"]; windows(g) != "eierskapsmelding ukjent" || g.NextWindow != nil {
		t.Errorf("styring-eierskap: %s, next %+v", windows(g), g.NextWindow)
	}
	// Every plan of the questionnaire, in its order.
	if len(r.Windows) != len(q.Plans) {
		t.Fatalf("%d plan windows for %d plans", len(r.Windows), len(q.Plans))
	}
	for i, p := range q.Plans {
		if r.Windows[i].Plan != p.ID {
			t.Errorf("window %d is %s, want %s", i, r.Windows[i].Plan, p.ID)
		}
	}
	if w, ok := r.PlanWindow("sentrumsplan"); !ok || !w.Known || w.Month != (Month{2028, 6}) || w.FromAnswers {
		t.Errorf("sentrumsplan = %+v", w)
	}

	// The answers file's own next revisions move the windows.
	r = Evaluate(mustAnswersFor(t, q, "plans: {planstrategi: {next: 2027-03}, eierskapsmelding: {next: 2028}}\nanswers: {styring-budsjett: 1, styring-eierskap: 1}\n"))
	for _, g := range r.Gaps {
		switch g.Question.ID {
		case "styring-budsjett":
			if g.NextWindow == nil || g.NextWindow.Plan != "planstrategi" || g.NextWindow.Month != (Month{2027, 3}) || !g.NextWindow.FromAnswers {
				t.Errorf("own next: %+v", g.NextWindow)
			}
		case "styring-eierskap":
			if g.NextWindow == nil || g.NextWindow.Month != (Month{2028, 12}) {
				t.Errorf("own next as a year: %+v", g.NextWindow)
			}
		}
	}
}

// mustAnswersFor is mustA with the calendar's answers head.
func mustAnswersFor(t *testing.T, q *Questionnaire, body string) *Checked {
	t.Helper()
	a, ds := ParseAnswers("a.yaml", []byte(calendarHead+body))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	c, ds := a.Check(q, CheckOptions{})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return c
}
