package main

import (
	"fmt"
	"text/tabwriter"

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
		Short:   "List de innebygde spørreskjemaene",
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			entries, err := questionnaires.List()
			if err != nil {
				return cli.Failure("%s", err)
			}
			tw := tabwriter.NewWriter(s.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tVERSJON\tSPØRSMÅL\tTITTEL")
			for _, e := range entries {
				q := e.Questionnaire
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", q.ID, q.Version, q.QuestionCount(), q.Title)
			}
			return tw.Flush()
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:               "show ID|FIL",
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
		Use:               "export ID",
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
	return cmd
}

func completeQuestionnaireIDs(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	entries, _ := questionnaires.List()
	ids := make([]string, 0, len(entries))
	for _, e := range entries {
		ids = append(ids, e.Questionnaire.ID+"\t"+e.Questionnaire.Title.String())
	}
	return ids, cobra.ShellCompDirectiveDefault
}
