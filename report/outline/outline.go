// Package outline prints the structure of a questionnaire, for «sirkel
// questionnaire show»: its areas with their question counts per step and
// tier, then its steps, tiers, plans, levels and scale.
package outline

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// Options tune the outline.
type Options struct {
	// Lang is the written standard of the outline and of the
	// questionnaire's texts in it; the zero value is bokmål.
	Lang lang.Lang
}

// Write prints a questionnaire's structure in bokmål: areas with their
// question counts per step and tier, and the steps, tiers, plans and
// levels.
func Write(w io.Writer, q *assessment.Questionnaire) error { return WriteWith(w, q, Options{}) }

// WriteWith prints a questionnaire's structure in opt.Lang.
func WriteWith(w io.Writer, q *assessment.Questionnaire, opt Options) error {
	p := lang.For(opt.Lang)
	lo, hi := q.ScaleRange()
	fmt.Fprintln(w, p.T("outline-title", "ID", q.ID, "Version", q.Version, "Title", q.Title))
	fmt.Fprintln(w, p.T("outline-summary", "Questions", q.QuestionCount(), "Scored", q.ScoredCount(), "Areas", len(q.Areas),
		"Lo", num(lo), "Hi", num(hi), "First", q.Scale[0].Label, "Last", q.Scale[len(q.Scale)-1].Label))
	fmt.Fprintln(w)

	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', tabwriter.AlignRight)
	nameWidth := 0
	for _, a := range q.Areas {
		nameWidth = max(nameWidth, len([]rune(a.ID+" "+a.Name.Localize(p))))
	}
	// Text is padded here; the tabwriter right-aligns the counts.
	head := []string{fmt.Sprintf("%-*s", nameWidth, p.T("outline-col-area")), p.T("outline-col-questions")}
	for _, s := range q.Steps {
		head = append(head, fmt.Sprintf("T%d", s.ID))
	}
	for _, t := range q.Tiers {
		head = append(head, t.ID)
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, a := range q.Areas {
		steps := make([]int, len(q.Steps))
		tiers := make([]int, len(q.Tiers))
		for _, qu := range a.Questions {
			for i, s := range q.Steps {
				if qu.Step == s.ID {
					steps[i]++
				}
			}
			for i, t := range q.Tiers {
				if qu.Tier == t.ID {
					tiers[i]++
				}
			}
		}
		row := []string{fmt.Sprintf("%-*s", nameWidth, a.ID+" "+a.Name.Localize(p)), fmt.Sprint(len(a.Questions))}
		for _, n := range append(steps, tiers...) {
			row = append(row, fmt.Sprint(n))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(w, "%s:\n", title)
		for _, it := range items {
			fmt.Fprintf(w, "  %s\n", it)
		}
	}
	var items []string
	for _, s := range q.Steps {
		items = append(items, fmt.Sprintf("T%d  %s", s.ID, s.Name.Localize(p)))
	}
	list(p.T("outline-steps"), items)
	items = nil
	for _, t := range q.Tiers {
		items = append(items, fmt.Sprintf("%-3s %s", t.ID, t.Name.Localize(p)))
	}
	list(p.T("outline-tiers"), items)
	items = nil
	for _, pl := range q.Plans {
		items = append(items, fmt.Sprintf("%-24s %s", pl.ID, pl.Name.Localize(p)))
	}
	list(p.T("outline-plans"), items)
	items = nil
	for _, l := range q.Levels {
		items = append(items, fmt.Sprintf("%s  %s", p.T("outline-level-from", "Min", fmt.Sprintf("%3s", num(*l.Min))), l.Name.Localize(p)))
	}
	list(p.T("outline-levels"), items)
	items = nil
	for _, pt := range q.Scale {
		items = append(items, fmt.Sprintf("%s  %s", num(*pt.Value), pt.Label.Localize(p)))
	}
	list(p.T("outline-scale"), items)
	return nil
}

func num(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}
