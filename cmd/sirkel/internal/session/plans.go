package session

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/sirkel/sirkel/assessment"
)

// revisionPlans are the plans whose revision the planstrategi decides and
// that gaps in the answers belong to, in questionnaire order: only the
// municipality knows when they are next revised, and without that the
// gaps have no window.
func revisionPlans(q *assessment.Questionnaire, a *assessment.Answers) []*assessment.Plan {
	c, ds := a.Check(q, assessment.CheckOptions{IgnoreUnknown: true})
	if ds.HasErrors() {
		return nil
	}
	withGaps := map[string]bool{}
	for _, g := range assessment.Evaluate(c).Gaps {
		for _, id := range g.Plans {
			withGaps[id] = true
		}
	}
	var plans []*assessment.Plan
	for i := range q.Plans {
		p := &q.Plans[i]
		if cy := p.EffectiveCycle(); cy != nil && cy.Rule == assessment.CycleDecided && withGaps[p.ID] {
			plans = append(plans, p)
		}
	}
	return plans
}

// askPlanRevisions asks once, at the end of a sitting, when the plans that
// the planstrategi revises are next revised; every line may be left empty.
// End of input skips it; Ctrl-C stops the sitting.
func (ss *sitting) askPlanRevisions() error {
	plans := revisionPlans(ss.q, ss.a)
	if len(plans) == 0 {
		return nil
	}
	acc := ss.p.accessible
	values := make([]string, len(plans))
	fields := []huh.Field{huh.NewNote().Title("Når skal disse planene rulleres neste gang?").
		Description("Planstrategien bestemmer det, så bare kommunen vet. Svaret gir tiltakene i rapporten et tidspunkt. " +
			"Skriv et år (2027) eller år og måned (2027-06); la feltet stå tomt for å hoppe over planen.")}
	for i, p := range plans {
		if st, ok := ss.a.Plans[p.ID]; ok && st.Next.IsSet() {
			values[i] = st.Next.String()
		}
		in := huh.NewInput().Title(promptTitle(p.Name.String(), acc)).Value(&values[i]).
			Validate(func(s string) error {
				if ss.p.accessible && ss.p.in.EOF() || strings.TrimSpace(s) == "" {
					return nil
				}
				if _, msg := assessment.ParseYearMonth(strings.TrimSpace(s), false); msg != "" {
					return errors.New(msg)
				}
				return nil
			})
		if !acc {
			in.Placeholder("tomt = hopp over")
		}
		fields = append(fields, in)
	}
	// At end of input the lines not given keep what the file says.
	if err := ss.p.run(huh.NewGroup(fields...)); err != nil && !errors.Is(err, errEndOfInput) {
		return err
	}
	changed := false
	for i, p := range plans {
		ym, msg := assessment.ParseYearMonth(strings.TrimSpace(values[i]), false)
		if strings.TrimSpace(values[i]) == "" || msg != "" || ym == ss.a.Plans[p.ID].Next {
			continue
		}
		ss.pend.setPlanNext(p.ID, ym)
		changed = true
		fmt.Fprintf(ss.s.Err, "%s rulleres neste gang %s.\n", p.Name, ym)
	}
	if !changed {
		return nil
	}
	ss.a = ss.apply(ss.seenOrNew(), nil)
	return ss.save()
}
