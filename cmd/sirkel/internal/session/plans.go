package session

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
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
// End of input skips what is not yet given; Ctrl-C stops the sitting.
func (ss *sitting) askPlanRevisions() error {
	plans := revisionPlans(ss.q, ss.a)
	if len(plans) == 0 {
		return nil
	}
	p := ss.lp
	values := make([]string, len(plans))
	for i, pl := range plans {
		if st, ok := ss.a.Plans[pl.ID]; ok && st.Next.IsSet() {
			values[i] = st.Next.String()
		}
	}
	check := func(s string) error {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		if _, msg := assessment.ParseYearMonthMsg(s, false); msg.ID != "" {
			return lang.NewError(msg)
		}
		return nil
	}
	var err error
	if ss.p.accessible {
		err = ss.askPlanLines(plans, values, check)
	} else {
		fields := []huh.Field{huh.NewNote().Title(p.T("assess-plans-question")).Description(p.T("assess-plans-help", "Org", ss.q.WordsIn(p).Org))}
		for i, pl := range plans {
			fields = append(fields, huh.NewInput().Title(pl.Name.Localize(p)).Value(&values[i]).
				Placeholder(p.T("assess-tui-empty-skips-short")).
				Validate(func(s string) error {
					if err := check(s); err != nil {
						return errors.New(errorText(p, err))
					}
					return nil
				}))
		}
		err = ss.p.run(huh.NewGroup(fields...))
	}
	// At end of input the lines not given keep what the file says.
	if err != nil && !errors.Is(err, errEndOfInput) {
		return err
	}
	changed := false
	for i, pl := range plans {
		ym, msg := assessment.ParseYearMonthMsg(strings.TrimSpace(values[i]), false)
		if strings.TrimSpace(values[i]) == "" || msg.ID != "" || ym == ss.a.Plans[pl.ID].Next {
			continue
		}
		ss.pend.setPlanNext(pl.ID, ym)
		changed = true
		fmt.Fprintln(ss.s.Err, p.T("assess-plan-next", "Plan", pl.Name, "Next", ym.String()))
	}
	if !changed {
		return nil
	}
	ss.a = ss.apply(ss.seenOrNew(), nil)
	return ss.save()
}

// askPlanLines asks the revision dates in accessible mode, a line a plan;
// an empty line keeps what the file says.
func (ss *sitting) askPlanLines(plans []*assessment.Plan, values []string, check func(string) error) error {
	p := ss.lp
	ss.p.say("", p.T("assess-plans-question"), p.T("assess-plans-help", "Org", ss.q.WordsIn(p).Org))
	for i, pl := range plans {
		prompt := pl.Name.Localize(p) + ":"
		if values[i] != "" {
			prompt = p.T("assess-plan-prompt-current", "Plan", pl.Name, "Next", values[i])
		}
		err := ss.p.ask(prompt, func(s string) error {
			if err := check(s); err != nil {
				return err
			}
			if s = strings.TrimSpace(s); s != "" {
				values[i] = s
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
