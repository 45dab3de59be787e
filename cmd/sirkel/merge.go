package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"time"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/lock"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/schema"
	"github.com/spf13/cobra"
)

type mergeOptions struct {
	paths         []string
	output        string
	prefer        string
	questionnaire string
	schema        bool
	force         bool
	ignoreUnknown bool
}

var mergePrefers = []string{"first", "last"}

// mergeLockWait is how long merge waits for an assess sitting to finish a
// save into the output file before it refuses.
var mergeLockWait = 2 * time.Second

func newMergeCmd(s *cli.Streams) *cobra.Command {
	opts := &mergeOptions{}
	cmd := &cobra.Command{
		Use:     "merge FIL… -o UT.yaml",
		Aliases: []string{"slaa-sammen", "slå-sammen"},
		Short:   "Slå sammen delsvar fra flere avdelinger til én svarfil",
		Long: `Slår sammen svarfiler og utfylte svarskjemaer (.xlsx) for én kommune og ett
spørreskjema til én svarfil. Svar på ulike spørsmål samles; respondenter og
kommentarer beholdes, og den seneste datoen gjelder.

Er samme spørsmål besvart ulikt, er det en konflikt. Uten --prefer listes alle
konfliktene (spørsmål, svarene og filene), ingenting skrives, og
avslutningskoden blir 1. Med --prefer first eller last velges svaret fra den
første eller siste filen som har ett, og konfliktene listes som advarsler.
Svar fra ulike kommuner eller til ulike spørreskjemaer slås aldri sammen.

--schema skriver JSON Schema for svarfilene ved siden av UT.yaml og lar UT.yaml
peke på det, så en editor med YAML-språktjener fullfører og sjekker svarene.`,
		Example: `  sirkel merge klima.yaml bygg.xlsx transport.xlsx -o svar-3440.yaml
  sirkel merge svar-3440.yaml innkjop.xlsx --prefer last -o svar-3440.yaml
  sirkel merge delsvar/ -o svar-3440.yaml --schema`,
		Args: minArgs(1, "minst én svarfil å slå sammen"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			if opts.output == "" {
				return cli.Usage("mangler -o UT.yaml, filen de sammenslåtte svarene skrives til")
			}
			if opts.prefer != "" && !slices.Contains(mergePrefers, opts.prefer) {
				return cli.Usage("ukjent verdi «%s» for --prefer; gyldige: first, last", opts.prefer)
			}
			return runMerge(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "svarfilen som skrives (YAML); - for standard ut")
	cmd.Flags().StringVar(&opts.prefer, "prefer", "", "løs konflikter med svaret fra den første (first) eller siste (last) filen")
	cmd.Flags().StringVarP(&opts.questionnaire, "questionnaire", "q", "", "spørreskjema (innebygd id eller fil); standard: det svarfilene oppgir")
	cmd.Flags().BoolVar(&opts.schema, "schema", false, "skriv også JSON Schema for svarfilene ved siden av UT.yaml, og pek på det fra filen")
	cmd.Flags().BoolVar(&opts.force, "force", false, "overskriv en fil som finnes (en av innfilene kan alltid overskrives)")
	cmd.Flags().BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, "hopp over svar på spørsmål skjemaet ikke har, med en advarsel")
	_ = cmd.RegisterFlagCompletionFunc("prefer", cobra.FixedCompletions(mergePrefers, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runMerge(s *cli.Streams, opts *mergeOptions) error {
	if err := batch.OneStdin(opts.questionnaire, opts.paths); err != nil {
		return err
	}
	files, pathDiags := batch.Expand(opts.paths)
	cli.PrintDiagnostics(s.Err, pathDiags)
	toStdout := opts.output == cli.StdinName
	if toStdout && opts.schema {
		return cli.Usage("--schema skriver skjemafilen ved siden av svarfilen; oppgi svarfilen med -o FIL")
	}
	if !toStdout && !isInput(opts.output, files) {
		if err := cli.RefuseOverwrite(opts.output, opts.force); err != nil {
			return err
		}
	}
	if !toStdout {
		// The output may be an answers file that assess sittings save into:
		// hold its lock from reading the inputs to writing the result.
		l, err := lock.Acquire(s.Context(), opts.output, lock.Options{Who: "sirkel merge", Wait: mergeLockWait})
		var busy *lock.BusyError
		switch {
		case errors.As(err, &busy):
			return cli.Failure("%s; prøv igjen når den økten er ferdig. Slo ikke sammen noe, og ingenting er skrevet", busy)
		case s.Context().Err() != nil:
			return s.Interrupted()
		case err != nil:
			return cli.Failure("kunne ikke skrive %s: låsefilen %s kan ikke lages: %s", opts.output, lock.Path(opts.output), cli.OSError(err))
		}
		defer l.Release()
	}
	qs := batch.NewSource(opts.questionnaire, s.In)
	if _, err := qs.Fixed(); err != nil {
		return batch.QuestionnaireError(s, opts.questionnaire, err)
	}
	bad := len(pathDiags.Errors()) > 0
	var parts []*assessment.Checked
	var q *assessment.Questionnaire
	bopt := batch.Options{Check: assessment.CheckOptions{IgnoreUnknown: opts.ignoreUnknown}}
	batch.Each(files, s, qs, bopt, func(l *batch.File) {
		cli.PrintDiagnostics(s.Err, l.Diags)
		if !l.OK() {
			bad = true
			return
		}
		if q == nil {
			q = l.Questionnaire
		}
		parts = append(parts, l.Checked)
	})
	if err := s.Interrupted(); err != nil {
		return err
	}
	if bad {
		return cli.Failure("slo ikke sammen noe: rett feilene over først; %s er ikke skrevet", opts.output)
	}
	if len(parts) == 0 {
		return cli.Failure("fant ingen svarfiler å slå sammen")
	}
	merged, conflicts, ds := assessment.Merge(q, parts, preferOf(opts.prefer))
	if ds != nil {
		cli.PrintDiagnostics(s.Err, ds)
		return cli.Failure("slo ikke sammen noe; %s er ikke skrevet", opts.output)
	}
	for _, c := range conflicts {
		if opts.prefer == "" {
			fmt.Fprintf(s.Err, "konflikt: %s\n", c)
		} else {
			fmt.Fprintf(s.Err, "advarsel: %s; beholder %s fra %s (--prefer %s)\n", c, c.Values[c.Chosen].Value, c.Values[c.Chosen].File, opts.prefer)
		}
	}
	if len(conflicts) > 0 && opts.prefer == "" {
		return cli.Failure("%d %s; %s er ikke skrevet. Rett svarene, eller velg med --prefer first eller --prefer last",
			len(conflicts), pluralWord(len(conflicts), "konflikt", "konflikter"), opts.output)
	}

	if toStdout {
		if err := assessment.WriteAnswers(s.Out, q, merged); err != nil {
			return cli.Failure("kunne ikke skrive svarene: %s", err)
		}
		return nil
	}
	var modeline string
	if opts.schema {
		name := schema.FileName(q.Ref())
		path := filepath.Join(filepath.Dir(opts.output), name)
		err := cli.WriteAtomic(path, func(w io.Writer) error { return schema.Write(w, schema.ForAnswers(lang.For(lang.NB), q)) })
		if err != nil {
			return cli.Failure("kunne ikke skrive %s: %s", path, err)
		}
		modeline = schema.Modeline(name)
	}
	if !isInput(opts.output, files) {
		s.NoteExisting(opts.output) // --force: «Erstattet»; into an input, the answers are merged
	}
	err := cli.WriteAtomic(opts.output, func(w io.Writer) error {
		if _, err := io.WriteString(w, modeline); err != nil {
			return err
		}
		return assessment.WriteAnswers(w, q, merged)
	})
	if err != nil {
		return cli.Failure("kunne ikke skrive %s: %s", opts.output, err)
	}
	fmt.Fprintf(s.Err, "%s %s: %d svar fra %d filer for %s (%s).\n",
		s.Wrote(opts.output), opts.output, countAnswered(merged), len(parts), merged.Municipality.Name, merged.Municipality.Number)
	return nil
}

func preferOf(s string) assessment.Prefer {
	switch s {
	case "first":
		return assessment.PreferFirst
	case "last":
		return assessment.PreferLast
	}
	return assessment.PreferNone
}

// isInput reports whether path is one of the input files, which merge may
// overwrite: merging into the main answers file is the common case.
func isInput(path string, files []string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, f := range files {
		if fa, err := filepath.Abs(f); err == nil && fa == abs {
			return true
		}
	}
	return false
}

func countAnswered(a *assessment.Answers) int {
	n := 0
	for _, id := range a.Answers.Order {
		if a.Answers.ByID[id].Answered() {
			n++
		}
	}
	return n
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
