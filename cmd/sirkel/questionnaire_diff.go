package main

import (
	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/spf13/cobra"
)

type questionnaireDiffOptions struct {
	from, to string
}

func newQuestionnaireDiffCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	opts := &questionnaireDiffOptions{}
	return &cobra.Command{
		Use:               "diff A B",
		Aliases:           aliases(lang.M("cmd-questionnaire-diff-aliases")),
		Short:             p.T("cmd-questionnaire-diff-short"),
		Long:              p.T("cmd-questionnaire-diff-long"),
		Example:           p.T("cmd-questionnaire-diff-example"),
		Args:              exactArgs(2, lang.M("cmd-questionnaire-diff-args")),
		ValidArgsFunction: completeQuestionnaireArgs(p, 2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.from, opts.to = args[0], args[1]
			return runQuestionnaireDiff(s, opts)
		},
	}
}

func runQuestionnaireDiff(s *cli.Streams, opts *questionnaireDiffOptions) error {
	from, err := loadQuestionnaireArg(s, opts.from)
	if err != nil {
		return err
	}
	to, err := loadQuestionnaireArg(s, opts.to)
	if err != nil {
		return err
	}
	p := s.Printer()
	if from.ID != to.ID {
		cli.Warn(s.Err, p, lang.M("cmd-questionnaire-diff-other", "From", from.Ref().String(), "To", to.Ref().String()))
	}
	return assessment.Diff(from, to).WriteTextIn(s.Out, p)
}

// loadQuestionnaireArg reads an embedded questionnaire (id or id@version)
// or a questionnaire file named on the command line.
func loadQuestionnaireArg(s *cli.Streams, arg string) (*assessment.Questionnaire, error) {
	if arg == "" {
		return nil, cli.UsageMsg(lang.M("cmd-questionnaire-empty-name"))
	}
	q, err := (batch.NewSource(arg, s.In)).Fixed()
	if err != nil {
		return nil, batch.QuestionnaireError(s, arg, err)
	}
	return q, nil
}
