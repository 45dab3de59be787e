package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/report"
	"github.com/spf13/cobra"
)

type compareOptions struct {
	paths         []string
	output        string
	questionnaire string
	ignoreUnknown bool
	jobs          int
	all           bool
}

func newCompareCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	opts := &compareOptions{}
	cmd := &cobra.Command{
		Use:     "compare STI… -o FIL",
		Aliases: aliases(lang.M("cmd-compare-aliases")),
		Short:   p.T("cmd-compare-short"),
		Long:    p.T("cmd-compare-long"),
		Example: p.T("cmd-compare-example"),
		Args:    minArgs(1, lang.M("cmd-compare-args")),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runCompare(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", p.T("cmd-compare-flag-output"))
	f.StringVarP(&opts.questionnaire, "questionnaire", "q", "", p.T("cmd-compare-flag-questionnaire"))
	f.BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, p.T("cmd-flag-ignore-unknown"))
	f.IntVarP(&opts.jobs, "jobs", "j", 0, p.T("cmd-score-flag-jobs"))
	f.BoolVar(&opts.all, "all", false, p.T("cmd-compare-flag-all"))
	cli.MarkWorkbookOutput(cmd, s, "output")
	return cmd
}

func runCompare(s *cli.Streams, opts *compareOptions) error {
	p := s.Printer()
	if opts.output == "" {
		return cli.UsageMsg(lang.M("cmd-compare-no-output"))
	}
	if err := batch.OneStdin(opts.questionnaire, opts.paths); err != nil {
		return err
	}
	files, pathDiags := batch.Expand(opts.paths)
	cli.PrintDiagnostics(s.Err, p, pathDiags)
	qs := batch.NewSource(opts.questionnaire, s.In)
	fixed, err := qs.Fixed()
	if err != nil {
		return batch.QuestionnaireError(s, opts.questionnaire, err)
	}
	now, err := cli.Now(s)
	if err != nil {
		return err
	}
	cmp := report.NewComparison(fixed, report.CompareOptions{ToolVersion: toolVersion(), Now: now, All: opts.all, Lang: s.Choose("")})
	bad := false
	for _, d := range pathDiags {
		cmp.AddError(d)
		bad = bad || d.Severity == assessment.SevError
	}
	nBad := 0
	versions := versionSet{}
	bopt := batch.Options{Check: assessment.CheckOptions{IgnoreUnknown: opts.ignoreUnknown}, Jobs: opts.jobs, SkipQuestionnaires: true, Evaluate: true}
	batch.Each(files, s, qs, bopt, func(l *batch.File) {
		if l.Skipped {
			return
		}
		cli.PrintDiagnostics(s.Err, p, l.Diags)
		for _, d := range l.Diags {
			cmp.AddError(d)
		}
		if !l.OK() {
			bad = true
			nBad++
			return
		}
		cmp.Add(l.Path, l.Result)
		versions.add(l.Questionnaire)
	})
	versions.warn(s.Err, p)
	if err := s.Interrupted(); err != nil {
		return err
	}
	groups := cmp.Groups()
	compareNotes(s.Err, p, groups, opts.all)
	if cmp.Len() == 0 && !bad {
		cli.Say(s.Err, p, lang.M("cmd-compare-none"))
		return cli.Invalid()
	}
	write := func(w io.Writer) error {
		_, err := cmp.WriteTo(w)
		return err
	}
	msg := s.Out
	cli.WarnNotXLSX(s, p, opts.output)
	if opts.output == cli.StdinName {
		err, msg = write(s.Out), s.Err
	} else {
		err = cli.WriteAtomic(opts.output, write)
	}
	if err != nil {
		return cli.FailureMsg(lang.M("cli-write-failed", "File", opts.output, "Error", err))
	}
	var unrankedPart, badPart lang.Msg
	if n := unranked(groups); n > 0 {
		unrankedPart = lang.M("cmd-compare-wrote-unranked", "N", n)
	}
	if nBad > 0 {
		badPart = lang.M("cmd-compare-wrote-bad", "Count", nBad, "Sheet", p.T("compare-sheet-errors"))
	}
	fmt.Fprintln(msg, p.T("cmd-compare-wrote", "Wrote", s.Wrote(p, opts.output), "File", opts.output,
		"Compared", compared(p, groups, opts.all), "Unranked", unrankedPart, "Bad", badPart))
	if bad {
		return cli.Invalid()
	}
	return nil
}

// compareNotes says once per audience that municipalities with several
// files are ranked by their newest, and that kommuner and fylkeskommuner
// are ranked apart.
func compareNotes(w io.Writer, p *lang.Printer, groups []report.CompareGroup, all bool) {
	for _, g := range groups {
		if g.Repeated > 0 && !all {
			cli.Note(w, p, lang.M("cmd-compare-note-repeated", "Orgs", orgCount(g, g.Repeated)))
		}
	}
	if len(groups) > 1 {
		// The groups come kommuner first: there are two audiences, and the
		// second is the fylkeskommuner.
		cli.Note(w, p, lang.M("cmd-compare-note-apart", "Orgs", groups[0].Many, "OtherOrgs", groups[1].Many,
			"TheOthers", lang.M("compare-the-fylke")))
	}
}

// orgCount counts municipalities with the nouns of their group: «1
// kommune», «2 fylkeskommuner».
func orgCount(g report.CompareGroup, n int) lang.Msg {
	return lang.M("cmd-compare-orgs", "Count", n, "One", g.One, "Many", g.Many)
}

// compared says what was compared: «2 kommuner og 1 fylkeskommune»,
// «3 besvarelser for 2 kommuner» (--all).
func compared(p *lang.Printer, groups []report.CompareGroup, all bool) string {
	if len(groups) == 0 {
		return p.T("compare-count-kommune", "Count", 0)
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		orgs := orgCount(g, g.Municipalities)
		parts[i] = orgs.In(p)
		if all && g.Files != g.Municipalities {
			parts[i] = p.T("cmd-compare-files-for", "Count", g.Files, "Orgs", orgs)
		}
	}
	return and(p, parts)
}

// and joins parts as a list in p's language: «a, b og c».
func and(p *lang.Printer, parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return p.T("cli-and", "List", strings.Join(parts[:len(parts)-1], ", "), "Last", parts[len(parts)-1])
}

// unranked counts the rows without a place, whose total is uncertain.
func unranked(groups []report.CompareGroup) int {
	n := 0
	for _, g := range groups {
		n += g.Unranked
	}
	return n
}
