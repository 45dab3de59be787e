package main

import (
	"fmt"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	paths         []string
	questionnaire string
	ignoreUnknown bool
	jobs          int
}

func newValidateCmd(s *cli.Streams) *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:     "validate STI…",
		Aliases: []string{"valider"},
		Short:   "Sjekk spørreskjemaer og svarfiler",
		Long: `Sjekker spørreskjemaer og svarfiler og skriver hver feil som fil:linje:kolonne: melding.
En sti kan være en fil, en mappe (alle *.yaml, *.yml og *.xlsx under den) eller - for
standard inn. Gamle Excel-filer (*.xls) og passordbeskyttede arbeidsbøker kan ikke
leses; de gir en feil som sier hva du gjør.
Filtypen leses fra «kind:». Svarfiler sjekkes mot spørreskjemaet de selv oppgir,
eller mot -q.`,
		Example: `  sirkel validate svar/
  sirkel validate -q mitt-skjema.yaml svar-3440.yaml
  sirkel questionnaire export ks-sirkulaer | sirkel validate -`,
		Args: minArgs(1, "minst én fil eller mappe å sjekke"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runValidate(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.questionnaire, "questionnaire", "q", "", "spørreskjema (innebygd id eller fil) som svarfilene sjekkes mot")
	cmd.Flags().BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, "gjør svar på ukjente spørsmål til advarsler")
	cmd.Flags().IntVarP(&opts.jobs, "jobs", "j", 0, "antall filer som sjekkes samtidig (standard: antall kjerner)")
	return cmd
}

func runValidate(s *cli.Streams, opts *validateOptions) error {
	if err := batch.OneStdin(opts.questionnaire, opts.paths); err != nil {
		return err
	}
	files, pathDiags := batch.Expand(opts.paths)
	cli.PrintDiagnostics(s.Err, pathDiags)
	qs := batch.NewSource(opts.questionnaire, s.In)
	if _, err := qs.Fixed(); err != nil {
		if ee, ok := err.(*cli.Error); ok {
			return ee
		}
		cli.PrintDiagnostics(s.Err, cli.AsDiagnostics(opts.questionnaire, err))
		return cli.Failure("spørreskjemaet %s er ugyldig", opts.questionnaire)
	}
	var nFiles, nBad, nErr, nWarn int
	nBadPaths := len(pathDiags.Errors())
	batch.Each(files, s, qs, batch.Options{Check: assessment.CheckOptions{IgnoreUnknown: opts.ignoreUnknown}, Jobs: opts.jobs, AcceptQuestionnaires: true},
		func(l *batch.File) {
			nFiles++
			ds := l.Diags
			var summary string
			if q := l.Defines; q != nil {
				summary = fmt.Sprintf("spørreskjema %s@%s, %d områder, %d spørsmål", q.ID, q.Version, len(q.Areas), q.QuestionCount())
			} else if l.Answers != nil {
				a := l.Answers
				summary = fmt.Sprintf("svarfil for %s (%s), %s", a.Municipality.Name, a.Municipality.Number, plural(countAnswered(a), "svar", "svar"))
			}
			cli.PrintDiagnostics(s.Err, ds)
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
	fmt.Fprintf(s.Err, "%s sjekket: %s, %d med feil (%s, %s)\n",
		plural(nFiles, "fil", "filer"), plural(nFiles-nBad, "gyldig", "gyldige"), nBad, plural(nErr, "feil", "feil"), plural(nWarn, "advarsel", "advarsler"))
	if nBad > 0 || nBadPaths > 0 {
		return cli.Invalid()
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
