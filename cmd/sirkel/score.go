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
	"github.com/sirkel/sirkel/assessment/lang"
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

func newScoreCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	opts := &scoreOptions{}
	cmd := &cobra.Command{
		Use:     "score STI…",
		Aliases: aliases(lang.M("cmd-score-aliases")),
		Short:   p.T("cmd-score-short"),
		Long:    p.T("cmd-score-long"),
		Example: p.T("cmd-score-example"),
		Args:    minArgs(1, lang.M("cmd-score-args")),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			if opts.format == "" {
				opts.format = "csv"
				if s.OutTTY {
					opts.format = "table"
				}
			}
			if !slices.Contains(scoreFormats, opts.format) {
				return cli.UsageMsg(lang.M("cmd-score-unknown-format", "Format", opts.format, "Valid", strings.Join(scoreFormats, ", ")))
			}
			return runScore(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.questionnaire, "questionnaire", "q", "", p.T("cmd-flag-questionnaire"))
	cmd.Flags().StringVarP(&opts.format, "format", "f", "", p.T("cmd-score-flag-format"))
	cmd.Flags().IntVarP(&opts.jobs, "jobs", "j", 0, p.T("cmd-score-flag-jobs"))
	cmd.Flags().BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, p.T("cmd-flag-ignore-unknown"))
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
	_ = scores.WriteTable(s.Out, sf.File, sf.Result, scores.TableOptions{Color: s.Color(), Gaps: gaps, Lang: s.Choose("")})
}

func runScore(s *cli.Streams, opts *scoreOptions) error {
	p, language := s.Printer(), s.Choose("")
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
	jopt := scores.JSONOptions{Lang: language}
	if opts.format == "json" {
		// Encoding is most of the work per file: do it in the workers.
		enc := scores.NewJSONEncoderWith(jopt)
		bopt.Work = func(l *batch.File) { l.Out = enc.AppendResult((*jsonBuffers.Get().(*[]byte))[:0], l.Path, l.Result) }
	}

	var (
		jw   *scores.JSONWriter
		cw   *scores.CSVWriter
		rows []scores.ScoredFile
	)
	// Problems always go to stderr too, so that they are seen when the
	// data is redirected to a file.
	cli.PrintDiagnostics(s.Err, p, pathDiags)
	if opts.format == "json" {
		jw = scores.NewJSONWriterWith(s.Out, fixed, jopt)
		jw.AddDiagnostics(pathDiags)
	}
	var newCSV func(io.Writer, *assessment.Questionnaire, scores.CSVOptions) *scores.CSVWriter
	switch opts.format {
	case "csv":
		newCSV = scores.NewCSVWriterWith
	case "csv-regneark":
		newCSV = scores.NewSpreadsheetCSVWriterWith
	}
	copt := scores.CSVOptions{Lang: language}
	if newCSV != nil && fixed != nil {
		cw = newCSV(s.Out, fixed, copt)
	}
	scored := 0
	batch.Each(files, s, qs, bopt, func(l *batch.File) {
		if l.Skipped {
			return
		}
		if l.Diags.HasErrors() {
			bad = true
		}
		cli.PrintDiagnostics(s.Err, p, l.Diags)
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
				cw = newCSV(s.Out, l.Questionnaire, copt)
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
			return cli.FailureMsg(lang.M("cmd-score-write-failed", "Error", err))
		}
	case cw != nil:
		if err := cw.Close(); err != nil {
			return cli.FailureMsg(lang.M("cmd-score-write-failed", "Error", err))
		}
	}
	if len(rows) > 1 {
		fmt.Fprintln(s.Out)
		_ = scores.WriteOverview(s.Out, rows, scores.TableOptions{Color: s.Color(), Lang: language})
	}
	if scored == 0 && !bad {
		cli.Say(s.Err, p, lang.M("cmd-score-none"))
		return cli.Invalid()
	}
	if bad {
		return cli.Invalid()
	}
	return nil
}
