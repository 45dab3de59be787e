package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/questionnaires"
	"github.com/sirkel/sirkel/report/outline"
	"github.com/spf13/cobra"
)

func newQuestionnaireCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "questionnaire",
		Aliases: aliases(lang.M("cmd-questionnaire-aliases")),
		Short:   p.T("cmd-questionnaire-short"),
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:     "list",
		Aliases: aliases(lang.M("cmd-questionnaire-list-aliases")),
		Short:   p.T("cmd-questionnaire-list-short"),
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			entries, err := questionnaires.List()
			if err != nil {
				return cli.Failure("%s", cli.Text(s.Printer(), err))
			}
			return writeQuestionnaireList(s.Out, s.Printer(), entries)
		},
	})
	cmd.AddCommand(newQuestionnaireShowCmd(s, p))
	cmd.AddCommand(&cobra.Command{
		Use:               "export ID[@VERSJON]",
		Aliases:           aliases(lang.M("cmd-questionnaire-export-aliases")),
		Short:             p.T("cmd-questionnaire-export-short"),
		Args:              exactArgs(1, lang.M("cmd-questionnaire-args-one")),
		ValidArgsFunction: completeQuestionnaireArgs(p, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			e, err := questionnaires.Get(args[0])
			if err != nil {
				return cli.AsUsage(err)
			}
			_, err = s.Out.Write(e.Source)
			return err
		},
	})
	cmd.AddCommand(newQuestionnaireDiffCmd(s, p))
	return cmd
}

type questionnaireShowOptions struct {
	questionnaire string
	ids           bool
}

func newQuestionnaireShowCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	opts := &questionnaireShowOptions{}
	cmd := &cobra.Command{
		Use:               "show ID[@VERSJON]|FIL",
		Aliases:           aliases(lang.M("cmd-questionnaire-show-aliases")),
		Short:             p.T("cmd-questionnaire-show-short"),
		Long:              p.T("cmd-questionnaire-show-long"),
		Example:           p.T("cmd-questionnaire-show-example"),
		Args:              exactArgs(1, lang.M("cmd-questionnaire-args-one")),
		ValidArgsFunction: completeQuestionnaireArgs(p, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.questionnaire = args[0]
			return runQuestionnaireShow(s, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.ids, "ids", false, p.T("cmd-questionnaire-show-flag-ids"))
	return cmd
}

func runQuestionnaireShow(s *cli.Streams, opts *questionnaireShowOptions) error {
	qs := batch.NewSource(opts.questionnaire, s.In)
	q, err := qs.Fixed()
	if err != nil {
		return batch.QuestionnaireError(s, opts.questionnaire, err)
	}
	if opts.ids {
		return writeQuestionIDs(s.Out, s.Printer(), q)
	}
	return outline.WriteWith(s.Out, q, outline.Options{Lang: s.Choose("")})
}

// writeQuestionIDs lists the questions, one a line: id, area, type and the
// text on one line in p's language, separated by tabs.
func writeQuestionIDs(w io.Writer, p *lang.Printer, q *assessment.Questionnaire) error {
	bw := bufio.NewWriter(w)
	q.AllQuestions(func(a *assessment.Area, qu *assessment.Question) {
		text := strings.Join(strings.Fields(qu.Text.Localize(p)), " ")
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", qu.ID, a.ID, qu.EffectiveType(), text)
	})
	return bw.Flush()
}
