package main

import (
	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/questionnaires"
	"github.com/sirkel/sirkel/report/outline"
	"github.com/spf13/cobra"
)

func newQuestionnaireCmd(s *cli.Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "questionnaire",
		Aliases: []string{"skjema"},
		Short:   "Vis og eksporter de innebygde spørreskjemaene",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:     "list",
		Aliases: []string{"liste"},
		Short:   "List de innebygde spørreskjemaene, alle versjoner",
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			entries, err := questionnaires.List()
			if err != nil {
				return cli.Failure("%s", err)
			}
			return writeQuestionnaireList(s.Out, entries)
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:               "show ID[@VERSJON]|FIL",
		Aliases:           []string{"vis"},
		Short:             "Vis oppbygningen av et spørreskjema: områder, trinn, nivåer og antall spørsmål",
		Args:              exactArgs(1, "én skjema-id, for eksempel ks-sirkulaer"),
		ValidArgsFunction: completeQuestionnaireIDs,
		RunE: func(_ *cobra.Command, args []string) error {
			qs := batch.NewSource(args[0], s.In)
			q, err := qs.Fixed()
			if err != nil {
				return batch.QuestionnaireError(s, args[0], err)
			}
			return outline.Write(s.Out, q)
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:               "export ID[@VERSJON]",
		Aliases:           []string{"eksporter"},
		Short:             "Skriv YAML-kilden til et innebygd spørreskjema (et utgangspunkt for et eget skjema)",
		Args:              exactArgs(1, "én skjema-id, for eksempel ks-sirkulaer"),
		ValidArgsFunction: completeQuestionnaireIDs,
		RunE: func(_ *cobra.Command, args []string) error {
			e, err := questionnaires.Get(args[0])
			if err != nil {
				return cli.Usage("%s", err)
			}
			_, err = s.Out.Write(e.Source)
			return err
		},
	})
	cmd.AddCommand(newQuestionnaireDiffCmd(s))
	return cmd
}

func completeQuestionnaireIDs(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return questionnaireRefs(), cobra.ShellCompDirectiveDefault
}
