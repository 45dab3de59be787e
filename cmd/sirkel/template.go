package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/questionnaires"
	"github.com/sirkel/sirkel/report/answersheet"
	"github.com/spf13/cobra"
)

type templateOptions struct {
	questionnaire string
	areas         []string
	from          string
	output        string
	force         bool
	ignoreUnknown bool
}

func newTemplateCmd(s *cli.Streams) *cobra.Command {
	opts := &templateOptions{}
	cmd := &cobra.Command{
		Use:     "template [-o FIL]",
		Aliases: []string{"svarskjema"},
		Short:   "Lag et svarskjema i Excel for dem som ikke bruker terminalen",
		Long: `Lager en Excel-arbeidsbok å svare i: arket «Svar» har én rad per spørsmål, med en
nedtrekksliste i svarcellen, og arket «Om» har kommune, dato, hvem som har svart
og en kort veiledning. Send den til kolleger i andre avdelinger; det utfylte
skjemaet kan skåres, valideres og rapporteres som en svarfil, eller slås sammen
med andres svar med «sirkel merge».

--from fyller ut skjemaet med svarene i en svarfil, for eksempel fjorårets, så en
kollega kan gå gjennom og oppdatere dem. --area begrenser skjemaet til noen
tiltaksområder. Et svarskjema kan ha svar i seg, så en fil som finnes, skrives bare
over med --force.`,
		Example: `  sirkel template -o svarskjema.xlsx
  sirkel template --area bygg --area transport -o bygg-transport.xlsx
  sirkel template --from svar-3440.yaml -o svarskjema-3440.xlsx`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTemplate(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.questionnaire, "questionnaire", "q", "", "spørreskjema (innebygd id eller fil); standard: det svarfilen i --from oppgir, ellers "+questionnaires.DefaultID)
	cmd.Flags().StringArrayVar(&opts.areas, "area", nil, "bare dette tiltaksområdet (id; kan gjentas)")
	cmd.Flags().StringVar(&opts.from, "from", "", "fyll ut skjemaet med svarene i denne svarfilen (YAML eller svarskjema)")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "svarskjema.xlsx", "arbeidsboken som skrives")
	cmd.Flags().BoolVar(&opts.force, "force", false, "skriv over et svarskjema som finnes (svarene i det går tapt)")
	cmd.Flags().BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, "hopp over svar i --from på spørsmål skjemaet ikke har")
	_ = cmd.RegisterFlagCompletionFunc("area", completeTemplateAreas(&opts.questionnaire))
	return cmd
}

func runTemplate(s *cli.Streams, opts *templateOptions) error {
	cli.WarnNotXLSX(s, opts.output)
	if opts.output == cli.StdinName || opts.output == "" {
		return cli.Usage("en arbeidsbok skrives til en fil; oppgi den med -o, for eksempel -o svarskjema.xlsx")
	}
	if err := cli.RefuseOverwrite(opts.output, opts.force); err != nil {
		return err
	}
	s.NoteExisting(opts.output)
	qs := batch.NewSource(opts.questionnaire, s.In)
	var (
		q    *assessment.Questionnaire
		from *assessment.Checked
	)
	if opts.from != "" {
		l := batch.Load(opts.from, s.In, qs, batch.Options{Check: assessment.CheckOptions{IgnoreUnknown: opts.ignoreUnknown}})
		cli.PrintDiagnostics(s.Err, l.Diags)
		if !l.OK() {
			return cli.Failure("kan ikke fylle ut svarskjemaet fra %s; rett feilene over først", opts.from)
		}
		q, from = l.Questionnaire, l.Checked
	} else {
		var err error
		if q, err = qs.For(assessment.QuestionnaireRef{}); err != nil {
			return batch.QuestionnaireError(s, opts.questionnaire, err)
		}
	}
	for _, id := range opts.areas {
		if _, ok := q.Area(id); !ok {
			return cli.Usage("ukjent område «%s» i %s@%s; gyldige: %s", id, q.ID, q.Version, strings.Join(templateAreaIDs(q), ", "))
		}
	}
	if from != nil && len(opts.areas) > 0 {
		left := 0
		for _, id := range from.Answers.Answers.Order {
			if qu, a, ok := q.Question(id); ok && !slices.Contains(opts.areas, a.ID) && from.Value(qu).Kind != assessment.ValueNone {
				left++
			}
		}
		if left > 0 {
			fmt.Fprintf(s.Err, "sirkel: merk: %d svar i %s gjelder andre områder enn --area og er ikke med i svarskjemaet\n", left, opts.from)
		}
	}
	now, err := cli.Now(s)
	if err != nil {
		return err
	}
	topt := answersheet.Options{Areas: opts.areas, From: from, Now: now, ToolVersion: toolVersion()}
	err = cli.WriteAtomic(opts.output, func(w io.Writer) error { return answersheet.Write(w, q, topt) })
	if err != nil {
		return cli.Failure("kunne ikke skrive %s: %s", opts.output, err)
	}
	n := 0
	q.AllQuestions(func(a *assessment.Area, _ *assessment.Question) {
		if len(opts.areas) == 0 || slices.Contains(opts.areas, a.ID) {
			n++
		}
	})
	fmt.Fprintf(s.Err, "%s %s: svarskjema for %s@%s med %d spørsmål.\n", s.Wrote(opts.output), opts.output, q.ID, q.Version, n)
	return nil
}

func templateAreaIDs(q *assessment.Questionnaire) []string {
	ids := make([]string, len(q.Areas))
	for i, a := range q.Areas {
		ids[i] = a.ID
	}
	return ids
}

// completeTemplateAreas completes --area with the area ids of the questionnaire
// given with -q (or the default one).
func completeTemplateAreas(questionnaire *string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		qs := batch.NewSource(*questionnaire, nil)
		q, err := qs.For(assessment.QuestionnaireRef{})
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, a := range q.Areas {
			out = append(out, a.ID+"\t"+a.Name.String())
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
