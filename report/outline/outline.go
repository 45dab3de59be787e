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
)

// Write prints a questionnaire's structure: areas with their question
// counts per step and tier, and the steps, tiers, plans and levels.
func Write(w io.Writer, q *assessment.Questionnaire) error {
	lo, hi := q.ScaleRange()
	fmt.Fprintf(w, "%s %s – %s\n", q.ID, q.Version, q.Title)
	fmt.Fprintf(w, "%d spørsmål (%d skåres) i %d områder. Skala %s–%s (%s … %s).\n\n",
		q.QuestionCount(), q.ScoredCount(), len(q.Areas), num(lo), num(hi),
		q.Scale[0].Label, q.Scale[len(q.Scale)-1].Label)

	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', tabwriter.AlignRight)
	nameWidth := 0
	for _, a := range q.Areas {
		nameWidth = max(nameWidth, len([]rune(a.ID+" "+a.Name.String())))
	}
	// Text is padded here; the tabwriter right-aligns the counts.
	head := []string{fmt.Sprintf("%-*s", nameWidth, "Område"), "Spørsmål"}
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
		row := []string{fmt.Sprintf("%-*s", nameWidth, a.ID+" "+a.Name.String()), fmt.Sprint(len(a.Questions))}
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
		items = append(items, fmt.Sprintf("T%d  %s", s.ID, s.Name))
	}
	list("Trinn", items)
	items = nil
	for _, t := range q.Tiers {
		items = append(items, fmt.Sprintf("%-3s %s", t.ID, t.Name))
	}
	list("Tiltaksnivå", items)
	items = nil
	for _, p := range q.Plans {
		items = append(items, fmt.Sprintf("%-24s %s", p.ID, p.Name))
	}
	list("Planverk", items)
	items = nil
	for _, l := range q.Levels {
		items = append(items, fmt.Sprintf("fra %3s  %s", num(*l.Min), l.Name))
	}
	list("Modenhetsnivåer", items)
	items = nil
	for _, p := range q.Scale {
		items = append(items, fmt.Sprintf("%s  %s", num(*p.Value), p.Label))
	}
	list("Skala", items)
	return nil
}

func num(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}
