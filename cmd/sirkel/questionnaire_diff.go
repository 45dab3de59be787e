package main

import (
	"fmt"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/spf13/cobra"
)

type questionnaireDiffOptions struct {
	from, to string
}

func newQuestionnaireDiffCmd(s *cli.Streams) *cobra.Command {
	opts := &questionnaireDiffOptions{}
	return &cobra.Command{
		Use:     "diff A B",
		Aliases: []string{"forskjell"},
		Short:   "Vis hva som er endret fra ett spørreskjema (en versjon) til et annet",
		Long: `Viser hva som er endret fra A til B: nye og fjernede spørsmål, spørsmål som er
erstattet (nytt navn, delt eller slått sammen, etter «replaces» i B), spørsmål
med samme id som har fått ny tekst, hjelpetekst, type, alternativer, trinn,
tiltaksnivå eller vekt, og nye navn på områder, planer, nivåer og skalaverdier.
A og B er innebygde skjemaer (id eller id@versjon) eller filer. «sirkel migrate»
flytter en svarfil fra A til B etter de samme reglene.`,
		Example: `  sirkel questionnaire diff ks-sirkulaer@2026.1 ks-sirkulaer
  sirkel skjema diff ks-sirkulaer mitt-skjema.yaml`,
		Args:              exactArgs(2, "to spørreskjemaer, for eksempel ks-sirkulaer@2026.1 ks-sirkulaer"),
		ValidArgsFunction: completeQuestionnaireArgs(2),
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
	if from.ID != to.ID {
		fmt.Fprintf(s.Err, "sirkel: advarsel: %s og %s er ulike spørreskjemaer; spørsmål sammenlignes bare der id-ene er like\n", from.Ref(), to.Ref())
	}
	return assessment.Diff(from, to).WriteText(s.Out)
}

// loadQuestionnaireArg reads an embedded questionnaire (id or id@version)
// or a questionnaire file named on the command line.
func loadQuestionnaireArg(s *cli.Streams, arg string) (*assessment.Questionnaire, error) {
	if arg == "" {
		return nil, cli.Usage("tomt navn på spørreskjema; oppgi en id, id@versjon eller en fil")
	}
	q, err := (batch.NewSource(arg, s.In)).Fixed()
	if err != nil {
		return nil, batch.QuestionnaireError(s, arg, err)
	}
	return q, nil
}
