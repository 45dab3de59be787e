package scores

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/muesli/termenv"
	"github.com/sirkel/sirkel/assessment"
)

// TableOptions tune the terminal table.
type TableOptions struct {
	Color bool // use colour (a terminal, and NO_COLOR unset)
}

// renderer is set up so that lipgloss never queries the terminal (for
// its background colour or the cursor): those queries end up as junk in
// logs and pipes.
func (opt TableOptions) renderer(w io.Writer) *lipgloss.Renderer {
	re := lipgloss.NewRenderer(w)
	re.SetHasDarkBackground(true)
	if opt.Color {
		re.SetColorProfile(termenv.ANSI256)
	} else {
		re.SetColorProfile(termenv.Ascii)
	}
	return re
}

// FormatScore shows a score with one decimal and a decimal comma, «–» when
// undefined.
func FormatScore(s assessment.Score) string {
	if !s.Defined {
		return "–"
	}
	return strings.Replace(fmt.Sprintf("%.1f", s.Value), ".", ",", 1)
}

// FormatShare shows a coverage as a whole percentage, «–» when undefined.
func FormatShare(s assessment.Score) string {
	if !s.Defined {
		return "–"
	}
	return fmt.Sprintf("%.0f %%", math.Floor(100*s.Value+0.5))
}

// Bar draws a score 0–100 as a bar of width cells using eighth blocks.
func Bar(s assessment.Score, width int) string {
	if !s.Defined {
		return strings.Repeat(" ", width)
	}
	eighths := int(math.Round(s.Value / 100 * float64(width*8)))
	full, part := eighths/8, eighths%8
	var b strings.Builder
	b.WriteString(strings.Repeat("█", full))
	if part > 0 {
		b.WriteRune([]rune("▏▎▍▌▋▊▉")[part-1])
		full++
	}
	b.WriteString(strings.Repeat(" ", max(0, width-full)))
	return b.String()
}

// LevelName is the name of a maturity level, «–» when there is none.
func LevelName(l *assessment.LevelRef) string {
	if l == nil {
		return "–"
	}
	return l.Name()
}

// WriteTable prints a readable Norwegian summary of one result: total,
// level and coverage, then each area with a bar.
func WriteTable(w io.Writer, file string, r *assessment.Result, opt TableOptions) error {
	re := opt.renderer(w)
	bold := re.NewStyle().Bold(true)
	m := r.Answers.Municipality
	title := fmt.Sprintf("%s (%s)", m.Name, m.Number)
	if file != "" {
		title += " – " + file
	}
	fmt.Fprintln(w, bold.Render(title))
	fmt.Fprintf(w, "Totalskår %s av 100 · nivå %s · dekning %s · %d gap · %d ubesvart\n",
		FormatScore(r.Total), LevelName(r.Level), FormatShare(r.Coverage), len(r.Gaps), len(r.Unanswered))

	barStyle := re.NewStyle().Foreground(lipgloss.Color("33"))
	t := table.New().
		Border(lipgloss.NormalBorder()).
		BorderColumn(false).BorderLeft(false).BorderRight(false).BorderTop(false).BorderBottom(false).
		Headers("Område", "Skår", "", "Nivå", "Dekning").
		StyleFunc(func(row, col int) lipgloss.Style {
			s := re.NewStyle().PaddingRight(2)
			if row == table.HeaderRow {
				return s.Bold(true)
			}
			if col == 1 || col == 4 {
				s = s.Align(lipgloss.Right)
			}
			if col == 2 {
				s = barStyle.PaddingRight(2)
			}
			return s
		})
	for _, ar := range r.Areas {
		t.Row(ar.Area.Name.String(), FormatScore(ar.Score), Bar(ar.Score, 10), LevelName(ar.Level), FormatShare(ar.Coverage))
	}
	fmt.Fprintln(w, t.Render())
	return nil
}

// ScoredFile is one scored answers file.
type ScoredFile struct {
	File   string
	Result *assessment.Result
}

// WriteOverview prints one line per municipality, for batches.
func WriteOverview(w io.Writer, rows []ScoredFile, opt TableOptions) error {
	if len(rows) == 0 {
		return nil
	}
	re := opt.renderer(w)
	q := rows[0].Result.Questionnaire
	head := []string{"Kommune", "Nr.", "Total", "Nivå", "Dekning"}
	for _, a := range q.Areas {
		head = append(head, a.ID)
	}
	t := table.New().
		Border(lipgloss.NormalBorder()).
		BorderColumn(false).BorderLeft(false).BorderRight(false).BorderTop(false).BorderBottom(false).
		Headers(head...).
		StyleFunc(func(row, col int) lipgloss.Style {
			s := re.NewStyle().PaddingRight(2)
			if row == table.HeaderRow {
				return s.Bold(true)
			}
			if col >= 2 && col != 3 {
				s = s.Align(lipgloss.Right)
			}
			return s
		})
	for _, sf := range rows {
		r := sf.Result
		row := []string{r.Answers.Municipality.Name, r.Answers.Municipality.Number, FormatScore(r.Total), LevelName(r.Level), FormatShare(r.Coverage)}
		for _, a := range q.Areas {
			cell := "–"
			for _, ar := range r.Areas {
				if ar.Area.ID == a.ID {
					cell = FormatScore(ar.Score)
				}
			}
			row = append(row, cell)
		}
		t.Row(row...)
	}
	fmt.Fprintln(w, t.Render())
	return nil
}
