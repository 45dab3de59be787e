package main

import (
	"fmt"
	"io"
	"strings"

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
	all           bool
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
men gir avslutningskode 1.

En kommune som har svart på under halvparten av spørsmålene (eller under
min_coverage i spørreskjemaet), får ingen plass: den står sist, merket
«usikker», og er ikke med i statistikken.

Har en kommune flere besvarelser, rangeres bare den nyeste (etter datoen i
svarfilen; av to med samme dato den siste i filrekkefølgen), med endringen
siden den forrige; arket Utvikling viser alle. --all rangerer alle.

Kommuner og fylkeskommuner rangeres hver for seg: fylkeskommunene får egne ark
med «– fylkeskommuner» i navnet.`,
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
	f.BoolVar(&opts.all, "all", false, "ranger alle besvarelsene, ikke bare den nyeste for hver kommune")
	cli.MarkWorkbookOutput(cmd, s, "output")
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
	cmp := report.NewComparison(fixed, report.CompareOptions{ToolVersion: toolVersion(), Now: now, All: opts.all})
	bad := false
	for _, d := range pathDiags {
		cmp.AddError(d)
		bad = bad || d.Severity == assessment.SevError
	}
	nBad := 0
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
		cmp.Add(l.Path, l.Result)
		versions.add(l.Questionnaire)
	})
	versions.warn(s.Err)
	if err := s.Interrupted(); err != nil {
		return err
	}
	groups := cmp.Groups()
	compareNotes(s.Err, groups, opts.all)
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
	fmt.Fprintf(msg, "%s %s: %s sammenlignet", s.Wrote(opts.output), opts.output, compared(groups, opts.all))
	if n := unranked(groups); n > 0 {
		fmt.Fprintf(msg, ", %d med usikker skår uten plass", n)
	}
	if nBad > 0 {
		fmt.Fprintf(msg, ", %s med feil (se arket «Feil»)", plural(nBad, "fil", "filer"))
	}
	fmt.Fprintln(msg)
	if bad {
		return cli.Invalid()
	}
	return nil
}

// compareNotes says once per audience that municipalities with several
// files are ranked by their newest, and that kommuner and fylkeskommuner
// are ranked apart.
func compareNotes(w io.Writer, groups []report.CompareGroup, all bool) {
	for _, g := range groups {
		if g.Repeated > 0 && !all {
			fmt.Fprintf(w, "sirkel: merk: %s har flere besvarelser; den nyeste er brukt (--all tar med alle)\n", plural(g.Repeated, g.One, g.Many))
		}
	}
	if len(groups) > 1 {
		fmt.Fprintf(w, "sirkel: merk: %s og %s rangeres hver for seg; %s står i arkene som slutter på «– %s»\n",
			groups[0].Many, groups[1].Many, groups[1].One+"ne", groups[1].Many)
	}
}

// compared says what was compared: «2 kommuner og 1 fylkeskommune»,
// «3 besvarelser for 2 kommuner» (--all).
func compared(groups []report.CompareGroup, all bool) string {
	if len(groups) == 0 {
		return "0 kommuner"
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = plural(g.Municipalities, g.One, g.Many)
		if all && g.Files != g.Municipalities {
			parts[i] = fmt.Sprintf("%s for %s", plural(g.Files, "besvarelse", "besvarelser"), parts[i])
		}
	}
	return strings.Join(parts, " og ")
}

// unranked counts the rows without a place, whose total is uncertain.
func unranked(groups []report.CompareGroup) int {
	n := 0
	for _, g := range groups {
		n += g.Unranked
	}
	return n
}
