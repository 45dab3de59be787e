package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/sirkel/sirkel/assessment"
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
	cmd.AddCommand(newQuestionnaireShowCmd(s))
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

type questionnaireShowOptions struct {
	questionnaire string
	ids           bool
}

func newQuestionnaireShowCmd(s *cli.Streams) *cobra.Command {
	opts := &questionnaireShowOptions{}
	cmd := &cobra.Command{
		Use:     "show ID[@VERSJON]|FIL",
		Aliases: []string{"vis"},
		Short:   "Vis oppbygningen av et spørreskjema: områder, trinn, nivåer og antall spørsmål",
		Long: `Viser oppbygningen av et spørreskjema: områder, trinn, nivåer og antall spørsmål.
Med --ids listes spørsmålene i stedet, ett per linje: id, område, type og
spørsmålstekst, skilt med tabulator – nyttig når du skriver en svarfil for hånd.`,
		Example: `  sirkel questionnaire show ks-sirkulaer
  sirkel questionnaire show --ids ks-sirkulaer | grep bygg`,
		Args:              exactArgs(1, "én skjema-id, for eksempel ks-sirkulaer"),
		ValidArgsFunction: completeQuestionnaireIDs,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.questionnaire = args[0]
			return runQuestionnaireShow(s, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.ids, "ids", false, "list spørsmålene: id, område, type og tekst, ett per linje")
	return cmd
}

func runQuestionnaireShow(s *cli.Streams, opts *questionnaireShowOptions) error {
	qs := batch.NewSource(opts.questionnaire, s.In)
	q, err := qs.Fixed()
	if err != nil {
		return batch.QuestionnaireError(s, opts.questionnaire, err)
	}
	if opts.ids {
		return writeQuestionIDs(s.Out, q)
	}
	return outline.Write(s.Out, q)
}

// writeQuestionIDs lists the questions, one a line: id, area, type and the
// text on one line, separated by tabs.
func writeQuestionIDs(w io.Writer, q *assessment.Questionnaire) error {
	bw := bufio.NewWriter(w)
	q.AllQuestions(func(a *assessment.Area, qu *assessment.Question) {
		text := strings.Join(strings.Fields(qu.Text.String()), " ")
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", qu.ID, a.ID, qu.EffectiveType(), text)
	})
	return bw.Flush()
}

func completeQuestionnaireIDs(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return questionnaireRefs(), cobra.ShellCompDirectiveDefault
}
