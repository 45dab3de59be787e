package main

import (
	"fmt"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	paths         []string
	questionnaire string
	ignoreUnknown bool
	jobs          int
}

func newValidateCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:     "validate STI…",
		Aliases: aliases(lang.M("cmd-validate-aliases")),
		Short:   p.T("cmd-validate-short"),
		Long:    p.T("cmd-validate-long"),
		Example: p.T("cmd-validate-example"),
		Args:    minArgs(1, lang.M("cmd-validate-args")),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runValidate(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.questionnaire, "questionnaire", "q", "", p.T("cmd-validate-flag-questionnaire"))
	cmd.Flags().BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, p.T("cmd-flag-ignore-unknown"))
	cmd.Flags().IntVarP(&opts.jobs, "jobs", "j", 0, p.T("cmd-validate-flag-jobs"))
	return cmd
}

func runValidate(s *cli.Streams, opts *validateOptions) error {
	p := s.Printer()
	if err := batch.OneStdin(opts.questionnaire, opts.paths); err != nil {
		return err
	}
	files, pathDiags := batch.Expand(opts.paths)
	cli.PrintDiagnostics(s.Err, p, pathDiags)
	qs := batch.NewSource(opts.questionnaire, s.In)
	if _, err := qs.Fixed(); err != nil {
		if ee, ok := err.(*cli.Error); ok {
			return ee
		}
		cli.PrintDiagnostics(s.Err, p, cli.AsDiagnostics(opts.questionnaire, err))
		return cli.FailureMsg(lang.M("cmd-validate-questionnaire-invalid", "Questionnaire", opts.questionnaire))
	}
	var nFiles, nBad, nErr, nWarn int
	nBadPaths := len(pathDiags.Errors())
	batch.Each(files, s, qs, batch.Options{Check: assessment.CheckOptions{IgnoreUnknown: opts.ignoreUnknown}, Jobs: opts.jobs, AcceptQuestionnaires: true},
		func(l *batch.File) {
			nFiles++
			ds := l.Diags
			var summary string
			if q := l.Defines; q != nil {
				summary = p.T("cmd-validate-ok-questionnaire", "Ref", q.Ref().String(), "Areas", p.T("cmd-validate-areas", "Count", len(q.Areas)),
					"Questions", q.QuestionCount())
			} else if l.Answers != nil {
				a := l.Answers
				summary = p.T("cmd-validate-ok-answers", "Name", a.Municipality.Name, "Number", a.Municipality.Number, "Answers", countAnswered(a))
			}
			cli.PrintDiagnostics(s.Err, p, ds)
			e, w := len(ds.Errors()), len(ds.Warnings())
			nErr += e
			nWarn += w
			if e > 0 {
				nBad++
				return
			}
			fmt.Fprintf(s.Out, "OK  %s: %s\n", l.Path, summary)
		})
	if err := s.Interrupted(); err != nil {
		return err
	}
	fmt.Fprintln(s.Err, p.T("cmd-validate-summary",
		"Files", p.T("cmd-validate-files", "Count", nFiles),
		"Valid", p.T("cmd-validate-valid", "Count", nFiles-nBad),
		"Bad", nBad,
		"Errors", p.T("cmd-validate-errors", "Count", nErr),
		"Warnings", p.T("cmd-validate-warnings", "Count", nWarn)))
	if nBad > 0 || nBadPaths > 0 {
		return cli.Invalid()
	}
	return nil
}
