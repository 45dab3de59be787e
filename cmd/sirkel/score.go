package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report/scores"
	"github.com/spf13/cobra"
)

type scoreOptions struct {
	paths         []string
	questionnaire string
	format        string
	jobs          int
	ignoreUnknown bool
}

var scoreFormats = []string{"table", "json", "csv", "csv-regneark"}

// jsonBuffers recycles the per-file JSON buffers of a batch (~15 KB each).
var jsonBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

func newScoreCmd(s *cli.Streams) *cobra.Command {
	opts := &scoreOptions{}
	cmd := &cobra.Command{
		Use:     "score STI…",
		Aliases: []string{"skaar", "skår"},
		Short:   "Skår svarfiler: total, per område, trinn og tiltaksnivå, og gapene",
		Long: `Skårer én eller mange svarfiler. En sti kan være en fil, en mappe (alle *.yaml,
*.yml og utfylte svarskjemaer *.xlsx under den; spørreskjemaer i mappen hoppes
over) eller - for standard inn.
Filer med feil stopper ikke resten: de listes på standard feil (og under «errors»
i JSON), og avslutningskoden blir 1.

Formater:
  table         for terminalen; én fil alene får også de fem viktigste
                tiltakene, hvert med neste anledning i planverket
  json          for programmer; hvert resultat har «uncertain» (for lite
                besvart) og «unknown» (svart «vet ikke»), hvert gap «windows»
                (neste anledning per plan: "2027-12" eller null) og den
                tidligste av dem, «next_window»
  csv           én rad per fil for programmer; «uncertain» og «next_window»
                (den tidligste blant de fem viktigste gapene) står sist
  csv-regneark  for norsk Excel og LibreOffice, åpnes med dobbeltklikk:
                semikolon, desimalkomma, én desimal og norske overskrifter`,
		Example: `  sirkel score testdata/oyer-3440.yaml
  sirkel score --format json svar/ > skaar.json
  sirkel score --format csv svar/ > skaar.csv
  sirkel score --format csv-regneark svar/ > skaar.csv`,
		Args: minArgs(1, "minst én svarfil eller mappe å skåre"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			if opts.format == "" {
				opts.format = "csv"
				if s.OutTTY {
					opts.format = "table"
				}
			}
			if !slices.Contains(scoreFormats, opts.format) {
				return cli.Usage("ukjent format «%s»; gyldige: %s", opts.format, strings.Join(scoreFormats, ", "))
			}
			return runScore(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.questionnaire, "questionnaire", "q", "", "spørreskjema (innebygd id eller fil); standard: det svarfilen oppgir")
	cmd.Flags().StringVarP(&opts.format, "format", "f", "", "utformat: table (standard i terminal), json, csv (standard ellers) eller csv-regneark")
	cmd.Flags().IntVarP(&opts.jobs, "jobs", "j", 0, "antall filer som skåres samtidig (standard: antall kjerner)")
	cmd.Flags().BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, "gjør svar på ukjente spørsmål til advarsler")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(scoreFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// writeTable prints the table of the last of rows, after a blank line
// when it is not the first, listing its top gaps.
func writeTable(s *cli.Streams, rows []scores.ScoredFile, gaps int) {
	if len(rows) > 1 {
		fmt.Fprintln(s.Out)
	}
	sf := rows[len(rows)-1]
	_ = scores.WriteTable(s.Out, sf.File, sf.Result, scores.TableOptions{Color: s.Color(), Gaps: gaps})
}

func runScore(s *cli.Streams, opts *scoreOptions) error {
	if err := batch.OneStdin(opts.questionnaire, opts.paths); err != nil {
		return err
	}
	files, pathDiags := batch.Expand(opts.paths)
	qs := batch.NewSource(opts.questionnaire, s.In)
	fixed, err := qs.Fixed()
	if err != nil {
		return batch.QuestionnaireError(s, opts.questionnaire, err)
	}
	bad := len(pathDiags.Errors()) > 0
	bopt := batch.Options{Check: assessment.CheckOptions{IgnoreUnknown: opts.ignoreUnknown}, Jobs: opts.jobs, SkipQuestionnaires: true, Evaluate: true}
	if opts.format == "json" {
		// Encoding is most of the work per file: do it in the workers.
		enc := scores.NewJSONEncoder()
		bopt.Work = func(l *batch.File) { l.Out = enc.AppendResult((*jsonBuffers.Get().(*[]byte))[:0], l.Path, l.Result) }
	}

	var (
		jw   *scores.JSONWriter
		cw   *scores.CSVWriter
		rows []scores.ScoredFile
	)
	// Problems always go to stderr too, so that they are seen when the
	// data is redirected to a file.
	cli.PrintDiagnostics(s.Err, pathDiags)
	if opts.format == "json" {
		jw = scores.NewJSONWriter(s.Out, fixed)
		jw.AddDiagnostics(pathDiags)
	}
	var newCSV func(io.Writer, *assessment.Questionnaire) *scores.CSVWriter
	switch opts.format {
	case "csv":
		newCSV = scores.NewCSVWriter
	case "csv-regneark":
		newCSV = scores.NewSpreadsheetCSVWriter
	}
	if newCSV != nil && fixed != nil {
		cw = newCSV(s.Out, fixed)
	}
	scored := 0
	batch.Each(files, s, qs, bopt, func(l *batch.File) {
		if l.Skipped {
			return
		}
		if l.Diags.HasErrors() {
			bad = true
		}
		cli.PrintDiagnostics(s.Err, l.Diags)
		if jw != nil {
			jw.AddDiagnostics(l.Diags)
		}
		if !l.OK() {
			return
		}
		scored++
		r := l.Result
		switch opts.format {
		case "json":
			jw.AddEncoded(r.Questionnaire.Ref(), l.Out)
			buf := l.Out[:0]
			jsonBuffers.Put(&buf)
		case "csv", "csv-regneark":
			if cw == nil {
				cw = newCSV(s.Out, l.Questionnaire)
			}
			cw.Add(l.Path, r)
		case "table":
			// Each table waits for the next file: only the table of a
			// file scored alone lists its top gaps.
			if len(rows) > 0 {
				writeTable(s, rows, 0)
			}
			rows = append(rows, scores.ScoredFile{File: l.Path, Result: r})
		}
	})
	if len(rows) > 0 {
		gaps := 0
		if len(rows) == 1 {
			gaps = scores.TopGaps
		}
		writeTable(s, rows, gaps)
	}
	if err := s.Interrupted(); err != nil {
		return err
	}
	switch {
	case jw != nil:
		if err := jw.Close(); err != nil {
			return cli.Failure("kunne ikke skrive resultatet: %s", err)
		}
	case cw != nil:
		if err := cw.Close(); err != nil {
			return cli.Failure("kunne ikke skrive resultatet: %s", err)
		}
	}
	if len(rows) > 1 {
		fmt.Fprintln(s.Out)
		_ = scores.WriteOverview(s.Out, rows, scores.TableOptions{Color: s.Color()})
	}
	if scored == 0 && !bad {
		fmt.Fprintln(s.Err, "sirkel: fant ingen svarfiler å skåre")
		return cli.Invalid()
	}
	if bad {
		return cli.Invalid()
	}
	return nil
}
