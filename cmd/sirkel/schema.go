package main

import (
	"fmt"
	"io"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/schema"
	"github.com/sirkel/sirkel/questionnaires"
	"github.com/spf13/cobra"
)

type schemaOptions struct {
	questionnaire string
	output        string
}

func newSchemaCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "schema questionnaire|answers",
		Short:   p.T("cmd-schema-short"),
		Long:    p.T("cmd-schema-long"),
		Example: p.T("cmd-schema-example"),
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			return cli.UsageMsg(lang.M("cmd-schema-which"))
		},
	}
	qopts := &schemaOptions{}
	questionnaire := &cobra.Command{
		Use:     "questionnaire",
		Aliases: aliases(lang.M("cmd-schema-questionnaire-aliases")),
		Short:   p.T("cmd-schema-questionnaire-short"),
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			return writeSchema(s, qopts.output, schema.ForQuestionnaires(s.Printer()))
		},
	}
	questionnaire.Flags().StringVarP(&qopts.output, "output", "o", "", p.T("cmd-schema-flag-output"))

	aopts := &schemaOptions{}
	answers := &cobra.Command{
		Use:     "answers",
		Aliases: aliases(lang.M("cmd-schema-answers-aliases")),
		Short:   p.T("cmd-schema-answers-short"),
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			qs := batch.NewSource(aopts.questionnaire, s.In)
			q, err := qs.For(assessment.QuestionnaireRef{})
			if err != nil {
				return batch.QuestionnaireError(s, aopts.questionnaire, err)
			}
			return writeSchema(s, aopts.output, schema.ForAnswers(s.Printer(), q))
		},
	}
	answers.Flags().StringVarP(&aopts.questionnaire, "questionnaire", "q", "", p.T("cmd-schema-flag-questionnaire", "Default", questionnaires.DefaultID))
	answers.Flags().StringVarP(&aopts.output, "output", "o", "", p.T("cmd-schema-flag-output"))
	_ = answers.RegisterFlagCompletionFunc("questionnaire", completeQuestionnaireFlag(p))

	cmd.AddCommand(questionnaire, answers)
	return cmd
}

// writeSchema writes a schema to stdout, or atomically to a file.
func writeSchema(s *cli.Streams, output string, sch schema.Schema) error {
	if output == "" || output == "-" {
		return schema.Write(s.Out, sch)
	}
	if err := cli.WriteAtomic(output, func(w io.Writer) error { return schema.Write(w, sch) }); err != nil {
		return cli.FailureMsg(lang.M("cli-write-failed", "File", output, "Error", err))
	}
	fmt.Fprintln(s.Err, s.Printer().T("cmd-schema-wrote", "File", output))
	return nil
}
