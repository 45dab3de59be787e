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

func newSchemaCmd(s *cli.Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "schema questionnaire|answers",
		Short: "JSON Schema for spørreskjemaer og svarfiler, til editorer",
		Long: `Skriver et JSON Schema (draft 2020-12) som en editor med YAML-språktjener (for
eksempel VS Code med Red Hats YAML-utvidelse) bruker til å fullføre og sjekke
filene mens du skriver. Svarskjemaet kjenner spørreskjemaets spørsmåls-id-er og
hvilke verdier hvert spørsmål godtar.

Pek på skjemaet fra første linje i svarfilen:

  # yaml-language-server: $schema=ks-sirkulaer-2026.1.schema.json

«sirkel merge --schema» skriver både skjemafilen og linjen.`,
		Example: `  sirkel schema answers -o ks-sirkulaer-2026.1.schema.json
  sirkel schema answers -q mitt-skjema.yaml > svar.schema.json
  sirkel schema questionnaire -o questionnaire.schema.json`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			return cli.Usage("si hva skjemaet skal gjelde: «sirkel schema questionnaire» eller «sirkel schema answers»")
		},
	}
	qopts := &schemaOptions{}
	questionnaire := &cobra.Command{
		Use:     "questionnaire",
		Aliases: []string{"sporreskjema", "spørreskjema"},
		Short:   "Skjema for spørreskjemafiler (kind: questionnaire)",
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			return writeSchema(s, qopts.output, schema.ForQuestionnaires(lang.For(lang.NB)))
		},
	}
	questionnaire.Flags().StringVarP(&qopts.output, "output", "o", "", "skriv til denne filen i stedet for standard ut")

	aopts := &schemaOptions{}
	answers := &cobra.Command{
		Use:     "answers",
		Aliases: []string{"svar"},
		Short:   "Skjema for svarfiler (kind: answers) til ett spørreskjema",
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			qs := batch.NewSource(aopts.questionnaire, s.In)
			q, err := qs.For(assessment.QuestionnaireRef{})
			if err != nil {
				return batch.QuestionnaireError(s, aopts.questionnaire, err)
			}
			return writeSchema(s, aopts.output, schema.ForAnswers(lang.For(lang.NB), q))
		},
	}
	answers.Flags().StringVarP(&aopts.questionnaire, "questionnaire", "q", "", "spørreskjema (innebygd id eller fil); standard: "+questionnaires.DefaultID)
	answers.Flags().StringVarP(&aopts.output, "output", "o", "", "skriv til denne filen i stedet for standard ut")
	_ = answers.RegisterFlagCompletionFunc("questionnaire", completeQuestionnaireIDs)

	cmd.AddCommand(questionnaire, answers)
	return cmd
}

// writeSchema writes a schema to stdout, or atomically to a file.
func writeSchema(s *cli.Streams, output string, sch schema.Schema) error {
	if output == "" || output == "-" {
		return schema.Write(s.Out, sch)
	}
	if err := cli.WriteAtomic(output, func(w io.Writer) error { return schema.Write(w, sch) }); err != nil {
		return cli.Failure("kunne ikke skrive %s: %s", output, err)
	}
	fmt.Fprintf(s.Err, "Skrev %s.\n", output)
	return nil
}
