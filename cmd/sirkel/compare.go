package main

import (
	"fmt"
	"io"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report"
	"github.com/spf13/cobra"
)

type compareOptions struct {
	paths         []string
	output        string
	questionnaire string
	ignoreUnknown bool
	jobs          int
}

func newCompareCmd(s *cli.Streams) *cobra.Command {
	opts := &compareOptions{}
	cmd := &cobra.Command{
		Use:     "compare STI… -o FIL",
		Aliases: []string{"sammenlign"},
		Short:   "Sammenlign mange kommuner i én Excel-arbeidsbok",
		Long: `Skårer mange svarfiler og skriver én arbeidsbok som sammenligner kommunene:
Oversikt (én rad per kommune, sortert etter samlet skår), Områder (område ×
kommune med stolpediagram), Statistikk (median og kvartiler per område) og Feil
(filer som ikke kunne leses, og hvorfor). Filer med feil stopper ikke resten,
men gir avslutningskode 1.`,
		Example: `  sirkel compare svar/ -o sammenligning.xlsx
  sirkel compare -q mitt-skjema.yaml svar/*.yaml -o region.xlsx`,
		Args: minArgs(1, "minst én svarfil eller mappe å sammenligne"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runCompare(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "filen arbeidsboken skrives til (påkrevd; - er standard ut)")
	f.StringVarP(&opts.questionnaire, "questionnaire", "q", "", "spørreskjema (innebygd id eller fil); standard: det den første svarfilen oppgir")
	f.BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, "gjør svar på ukjente spørsmål til advarsler")
	f.IntVarP(&opts.jobs, "jobs", "j", 0, "antall filer som skåres samtidig (standard: antall kjerner)")
	_ = cmd.MarkFlagFilename("output", "xlsx")
	return cmd
}

func runCompare(s *cli.Streams, opts *compareOptions) error {
	if opts.output == "" {
		return cli.Usage("mangler -o FIL: hvor sammenligningen skal skrives")
	}
	if err := batch.OneStdin(opts.questionnaire, opts.paths); err != nil {
		return err
	}
	files, pathDiags := batch.Expand(opts.paths)
	cli.PrintDiagnostics(s.Err, pathDiags)
	qs := batch.NewSource(opts.questionnaire, s.In)
	fixed, err := qs.Fixed()
	if err != nil {
		return batch.QuestionnaireError(s, opts.questionnaire, err)
	}
	now, err := cli.Now(s)
	if err != nil {
		return err
	}
	cmp := report.NewComparison(fixed, report.CompareOptions{ToolVersion: toolVersion(), Now: now})
	bad := false
	for _, d := range pathDiags {
		cmp.AddError(d)
		bad = bad || d.Severity == assessment.SevError
	}
	nBad := 0
	first := map[string]string{} // kommunenummer → the first file for it
	versions := versionSet{}
	bopt := batch.Options{Check: assessment.CheckOptions{IgnoreUnknown: opts.ignoreUnknown}, Jobs: opts.jobs, SkipQuestionnaires: true, Evaluate: true}
	batch.Each(files, s, qs, bopt, func(l *batch.File) {
		if l.Skipped {
			return
		}
		cli.PrintDiagnostics(s.Err, l.Diags)
		for _, d := range l.Diags {
			cmp.AddError(d)
		}
		if !l.OK() {
			bad = true
			nBad++
			return
		}
		m := l.Answers.Municipality
		if prev, dup := first[m.Number]; dup {
			fmt.Fprintf(s.Err, "%s: advarsel: gjelder samme kommune som %s, %s (%s); begge står i sammenligningen\n", l.Path, prev, m.Name, m.Number)
		} else {
			first[m.Number] = l.Path
		}
		cmp.Add(l.Path, l.Result)
		versions.add(l.Questionnaire)
	})
	versions.warn(s.Err)
	if err := s.Interrupted(); err != nil {
		return err
	}
	if cmp.Len() == 0 && !bad {
		fmt.Fprintln(s.Err, "sirkel: fant ingen svarfiler å sammenligne")
		return cli.Invalid()
	}
	write := func(w io.Writer) error {
		_, err := cmp.WriteTo(w)
		return err
	}
	msg := s.Out
	cli.WarnNotXLSX(s, opts.output)
	if opts.output == cli.StdinName {
		err, msg = write(s.Out), s.Err
	} else {
		err = cli.WriteAtomic(opts.output, write)
	}
	if err != nil {
		return cli.Failure("kunne ikke skrive %s: %s", opts.output, err)
	}
	what := plural(cmp.Len(), "kommune", "kommuner")
	if len(first) != cmp.Len() {
		what = fmt.Sprintf("%s for %s", plural(cmp.Len(), "besvarelse", "besvarelser"), plural(len(first), "kommune", "kommuner"))
	}
	fmt.Fprintf(msg, "Skrev %s: %s sammenlignet", opts.output, what)
	if nBad > 0 {
		fmt.Fprintf(msg, ", %s med feil (se arket «Feil»)", plural(nBad, "fil", "filer"))
	}
	fmt.Fprintln(msg)
	if bad {
		return cli.Invalid()
	}
	return nil
}
