package scores

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// TableOptions tune the terminal table.
type TableOptions struct {
	Color bool // use colour (a terminal, and NO_COLOR unset)
	// Gaps is how many of the top gaps WriteTable lists after the areas,
	// each with its next window; 0 lists none.
	Gaps int
	// Lang is the written standard of the words; the zero value is
	// bokmål.
	Lang lang.Lang
}

// TopGaps is how many gaps the table of one file lists, and among how
// many a municipality's next window is sought (NextWindow).
const TopGaps = 5

// lineWidth is the width the text output keeps to: a terminal's 80
// columns, which mail and issue trackers keep too.
const lineWidth = 80

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
	return fmt.Sprintf("%.0f %%", percent(s.Value))
}

// percent is a share 0–1 in whole per cent, halves rounded up.
func percent(share float64) float64 { return math.Floor(100*share + 0.5) }

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

// LevelName is the name of a maturity level in p's language, «–» when
// there is none.
func LevelName(p *lang.Printer, l *assessment.LevelRef) string {
	if l == nil {
		return "–"
	}
	return l.Level.Name.Localize(p)
}

// Headline is the summary of one result in two lines: total, level and
// coverage or, when the total is uncertain, how little is answered; then
// the number of gaps, unanswered questions and «vet ikke» answers.
func Headline(p *lang.Printer, r *assessment.Result) string {
	coverage := p.T("scores-coverage", "Share", FormatShare(r.Coverage))
	switch {
	case !r.Uncertain:
	case r.Coverage.Defined && r.Coverage.Value > 0:
		coverage = UncertainText(p, FormatShare(r.Coverage))
	default:
		coverage = p.T("uncertain-nothing")
	}
	s := p.T("scores-headline", "Score", FormatScore(r.Total), "Level", LevelName(p, r.Level), "Coverage", coverage) +
		"\n" + p.T("scores-counts", "Gaps", len(r.Gaps), "Unanswered", len(r.Unanswered))
	if len(r.Unknown) > 0 {
		s += p.T("scores-counts-unknown", "Unknown", len(r.Unknown))
	}
	return s
}

// WriteTable prints a readable summary of one result in opt.Lang: total,
// level and coverage, then each area with a bar, then the top opt.Gaps
// gaps with what to do and the next window for it.
func WriteTable(w io.Writer, file string, r *assessment.Result, opt TableOptions) error {
	p := lang.For(opt.Lang)
	re := opt.renderer(w)
	bold := re.NewStyle().Bold(true)
	m := r.Answers.Municipality
	title := fmt.Sprintf("%s (%s)", m.Name, m.Number)
	if file != "" {
		title += " – " + file
	}
	fmt.Fprintln(w, bold.Render(title))
	fmt.Fprintln(w, Headline(p, r))

	barStyle := re.NewStyle().Foreground(lipgloss.Color("33"))
	t := table.New().
		Border(lipgloss.NormalBorder()).
		BorderColumn(false).BorderLeft(false).BorderRight(false).BorderTop(false).BorderBottom(false).
		Headers(p.T("col-area"), p.T("col-score"), "", p.T("col-level"), p.T("col-coverage")).
		StyleFunc(func(row, col int) lipgloss.Style {
			// A score stands next to its bar; the last column has no
			// padding, so a fylkeskommune's long area names fit 80 columns.
			s := re.NewStyle().PaddingRight([]int{2, 1, 1, 2, 0}[col])
			if row == table.HeaderRow {
				return s.Bold(true)
			}
			if col == 1 || col == 4 {
				s = s.Align(lipgloss.Right)
			}
			if col == 2 {
				s = barStyle.PaddingRight(1)
			}
			return s
		})
	for _, ar := range r.Areas {
		t.Row(ar.Area.Name.Localize(p), FormatScore(ar.Score), Bar(ar.Score, 10), LevelName(p, ar.Level), FormatShare(ar.Coverage))
	}
	fmt.Fprintln(w, t.Render())
	if n := min(opt.Gaps, len(r.Gaps)); n > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, bold.Render(TopGapsTitle(p, n)))
		for i, g := range r.Gaps[:n] {
			writeGap(w, p, r.Questionnaire, i+1, &g)
		}
	}
	return nil
}

// writeGap prints one gap as a numbered item: the action, the answer
// given and the gap's next window.
func writeGap(w io.Writer, p *lang.Printer, q *assessment.Questionnaire, rank int, g *assessment.Gap) {
	num := fmt.Sprintf("%d. ", rank)
	indent := strings.Repeat(" ", len(num))
	action := g.Question.Action.Localize(p)
	if action == "" {
		action = g.Question.Text.Localize(p)
	}
	answer := p.T("scores-gap-answer", "ID", g.Question.ID, "Answer", assessment.LabelIn(p, q, g.Question, g.Value))
	next := p.T("scores-gap-next", "Window", WindowText(p, q, g.NextWindow, len(g.Plans) > 0))
	var lines []string
	for _, text := range []string{action, answer, next} {
		lines = append(lines, strings.Split(ansi.Wordwrap(text, lineWidth-len(num), ""), "\n")...)
	}
	for i, l := range lines {
		if i == 0 {
			fmt.Fprintln(w, num+l)
		} else {
			fmt.Fprintln(w, indent+l)
		}
	}
}

// WindowText is a next window as people read it: «desember 2027 –
// Handlingsdel med økonomiplan og årsbudsjett»; when none is known,
// «ukjent», with a hint to give the plans' dates in the answers file when
// there are plans to give them for.
func WindowText(p *lang.Printer, q *assessment.Questionnaire, w *assessment.Window, hasPlans bool) string {
	if w == nil || !w.Known {
		if hasPlans {
			return p.T("window-unknown-hint")
		}
		return p.T("window-unknown")
	}
	month := MonthText(p, w.Month)
	if plan, ok := q.Plan(w.Plan); ok {
		return p.T("window-plan", "Month", month, "Plan", plan.Name)
	}
	return month
}

// NextWindow is the earliest next window among a result's top gaps (the
// first TopGaps); nil when none of them has one.
func NextWindow(r *assessment.Result) *assessment.Window {
	var next *assessment.Window
	for _, g := range r.Gaps[:min(TopGaps, len(r.Gaps))] {
		if w := g.NextWindow; w != nil && (next == nil || w.Month.Before(next.Month)) {
			next = w
		}
	}
	return next
}

// ScoredFile is one scored answers file.
type ScoredFile struct {
	File   string
	Result *assessment.Result
}

// The overview's columns: the name is cut to nameWidth, and areas go in
// blocks of as many as fit the line after the fixed columns (the first
// block after name, number, total and coverage; later blocks after name
// and number). Every cell of an area is at most areaWidth wide («100,0»).
const (
	nameWidth  = 15 // «Møre og Romsdal»
	areaWidth  = 5
	fixedWidth = nameWidth + 2 + 4 + 2 + 6 + 2 + 5 + 2 // name, nr., total with «*», coverage
	keyWidth   = nameWidth + 2 + 4 + 2                 // name, nr.
)

// WriteOverview prints one line per municipality, for batches, within 80
// columns: name, number, total (marked «*» when uncertain), coverage and
// the areas by number, with a key to the numbers below. Areas that do not
// fit go in further blocks.
func WriteOverview(w io.Writer, rows []ScoredFile, opt TableOptions) error {
	if len(rows) == 0 {
		return nil
	}
	p := lang.For(opt.Lang)
	re := opt.renderer(w)
	q := rows[0].Result.Questionnaire
	perBlock := func(used int) int { return max(1, (lineWidth-used+1)/(areaWidth+1)) }
	uncertain := false
	for from, block := 0, 0; from < len(q.Areas) || block == 0; block++ {
		head := []string{p.T("col-municipality"), p.T("col-number-short")}
		fixed := len(head)
		n := perBlock(keyWidth)
		if block == 0 {
			head = append(head, p.T("col-total-short"), p.T("col-coverage-short"))
			fixed = len(head)
			n = perBlock(fixedWidth)
		}
		to := min(len(q.Areas), from+n)
		for i := from; i < to; i++ {
			head = append(head, fmt.Sprint(i+1))
		}
		last := len(head) - 1
		t := table.New().
			Border(lipgloss.NormalBorder()).
			BorderColumn(false).BorderLeft(false).BorderRight(false).BorderTop(false).BorderBottom(false).
			Headers(head...).
			StyleFunc(func(row, col int) lipgloss.Style {
				s := re.NewStyle()
				switch {
				case col == last:
					s = s.Width(areaWidth)
				case col >= fixed:
					s = s.Width(areaWidth + 1).PaddingRight(1)
				default:
					s = s.PaddingRight(2)
				}
				if col >= 2 {
					s = s.Align(lipgloss.Right)
				}
				if row == table.HeaderRow {
					return s.Bold(true)
				}
				return s
			})
		for _, sf := range rows {
			r := sf.Result
			m := r.Answers.Municipality
			row := []string{ansi.Truncate(m.Name, nameWidth, "…"), m.Number}
			if block == 0 {
				total := FormatScore(r.Total) + " "
				if r.Uncertain && r.Total.Defined {
					total, uncertain = FormatScore(r.Total)+"*", true
				}
				row = append(row, total, FormatShare(r.Coverage))
			}
			for _, a := range q.Areas[from:to] {
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
		if block > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, t.Render())
		from = to
	}
	if uncertain {
		fmt.Fprintln(w, p.T("scores-overview-uncertain"))
	}
	fmt.Fprintln(w, areaKey(p, q))
	return nil
}

// areaKey names the numbered area columns, as many to a line as fit:
// «Områder: 1 Styrings- og ledelsesprosesser · 2 …».
func areaKey(p *lang.Printer, q *assessment.Questionnaire) string {
	var b strings.Builder
	line := p.T("scores-area-key")
	for i, a := range q.Areas {
		item := fmt.Sprintf("%d %s", i+1, a.Name.Localize(p))
		sep := " "
		if i > 0 {
			sep = " · "
		}
		if ansi.StringWidth(line+sep+item) > lineWidth {
			b.WriteString(line + "\n")
			line, sep = "", ""
		}
		line += sep + item
	}
	b.WriteString(line)
	return b.String()
}
