package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/report"
	"github.com/sirkel/sirkel/report/scores"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	paths         []string
	output        string
	outDir        string
	baseline      string
	questionnaire string
	ignoreUnknown bool
	jobs          int
}

func newReportCmd(s *cli.Streams) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:     "report STI…",
		Aliases: []string{"rapport"},
		Short:   "Lag en Excel-rapport til ledelsen for hver svarfil",
		Long: `Lager én Excel-arbeidsbok per svarfil: sammendrag med hovedfunn, varmekart og
radardiagram, alle tiltak etter prioritet, tiltakene fordelt på plandokumentene
(planverk), alle svar, metode, begreper og eksempler. Arkene er klare til utskrift.

Filnavnet lages av kommunenummer og navn (for eksempel 3440-oyer-sirkel.xlsx) i
mappen --out-dir (standard: gjeldende mappe), eller oppgis med -o når det er én
svarfil (-o - skriver til standard ut, men ikke til en terminal). En rapport som
finnes fra før, erstattes, og meldingen sier «Erstattet»; svarfiler og svarskjemaer
skrives aldri over uten --force. Med --baseline viser rapporten endringen siden en
tidligere vurdering. En svarfil med feil gir ingen rapport, men stopper ikke de
andre; avslutningskoden blir da 1.`,
		Example: `  sirkel report testdata/oyer-3440.yaml
  sirkel report svar-3440.yaml -o rapport.xlsx --baseline svar-3440-2025.yaml
  sirkel report svar/ --out-dir rapporter/`,
		Args: minArgs(1, "minst én svarfil eller mappe"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runReport(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "filen rapporten skrives til (bare med én svarfil; - er standard ut)")
	f.StringVar(&opts.outDir, "out-dir", "", "mappen rapportene skrives til (standard: gjeldende mappe)")
	f.StringVar(&opts.baseline, "baseline", "", "en tidligere svarfil for samme kommune; rapporten viser endringen")
	f.StringVarP(&opts.questionnaire, "questionnaire", "q", "", "spørreskjema (innebygd id eller fil); standard: det svarfilen oppgir")
	f.BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, "gjør svar på ukjente spørsmål til advarsler")
	f.IntVarP(&opts.jobs, "jobs", "j", 0, "antall rapporter som lages samtidig (standard: antall kjerner)")
	_ = cmd.MarkFlagDirname("out-dir")
	cli.MarkWorkbookOutput(cmd, s, "output")
	_ = cmd.MarkFlagFilename("baseline", "yaml", "yml")
	return cmd
}

func runReport(s *cli.Streams, opts *reportOptions) error {
	if opts.output != "" && opts.outDir != "" {
		return cli.Usage("-o og --out-dir kan ikke brukes sammen; -o gir filnavnet for én rapport, --out-dir mappen for flere")
	}
	if err := batch.OneStdin(opts.questionnaire, opts.paths); err != nil {
		return err
	}
	files, pathDiags := batch.Expand(opts.paths)
	cli.WarnNotXLSX(s, opts.output)
	if opts.output != "" && len(files) > 1 {
		return cli.Usage("-o FIL gjelder én svarfil, men det er %d; bruk --out-dir MAPPE for å lage én rapport per fil", len(files))
	}
	cli.PrintDiagnostics(s.Err, pathDiags)
	qs := batch.NewSource(opts.questionnaire, s.In)
	if _, err := qs.Fixed(); err != nil {
		return batch.QuestionnaireError(s, opts.questionnaire, err)
	}
	bopt := batch.Options{Check: assessment.CheckOptions{IgnoreUnknown: opts.ignoreUnknown}, Jobs: opts.jobs, SkipQuestionnaires: true, Evaluate: true}

	var baseline *assessment.Result
	versions := versionSet{} // of the baseline and the files compared with it
	if opts.baseline != "" {
		l := batch.Load(opts.baseline, s.In, qs, bopt)
		cli.PrintDiagnostics(s.Err, l.Diags)
		if !l.OK() {
			return cli.Failure("sammenligningsgrunnlaget %s kunne ikke leses; ingen rapport er laget", opts.baseline)
		}
		baseline = assessment.Evaluate(l.Checked)
		versions.add(l.Questionnaire)
	}

	dir := opts.outDir
	if dir == "" {
		dir = "."
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return cli.Failure("kan ikke lage mappen %s: %s", dir, cli.OSError(err))
	}
	now, err := cli.Now(s)
	if err != nil {
		return err
	}
	// The workbooks are made in the workers, in parallel; they are named,
	// written and reported here, in the order of the files.
	bopt.Work = func(l *batch.File) {
		var buf bytes.Buffer
		ropt := report.ReportOptions{Baseline: baselineFor(baseline, l.Result), ToolVersion: toolVersion(), Now: now, File: filepath.Base(l.Path)}
		l.WorkErr = report.WriteReport(&buf, l.Result, ropt)
		l.Out = buf.Bytes()
	}
	bad := len(pathDiags.Errors()) > 0
	written := 0
	used := map[string]bool{}
	batch.Each(files, s, qs, bopt, func(l *batch.File) {
		if l.Skipped {
			return
		}
		cli.PrintDiagnostics(s.Err, l.Diags)
		if !l.OK() {
			bad = true
			return
		}
		r := l.Result
		m := r.Answers.Municipality
		if baseline != nil && baselineFor(baseline, r) == nil {
			fmt.Fprintf(s.Err, "%s: advarsel: sammenligningsgrunnlaget gjelder %s (%s), ikke %s (%s); rapporten viser ikke endring\n",
				l.Path, baseline.Answers.Municipality.Name, baseline.Answers.Municipality.Number, m.Name, m.Number)
		} else if baseline != nil {
			versions.add(r.Questionnaire)
		}
		path := opts.output
		if path == "" {
			def := report.DefaultReportName(m)
			name := uniqueName(def, used)
			if name != def {
				fmt.Fprintf(s.Err, "%s: advarsel: flere svarfiler gjelder %s (%s); denne rapporten heter %s\n", l.Path, m.Name, m.Number, name)
			}
			path = filepath.Join(dir, name)
		}
		err := l.WorkErr
		if err == nil {
			write := func(w io.Writer) error {
				_, err := w.Write(l.Out)
				return err
			}
			if path == cli.StdinName {
				err = write(s.Out)
			} else {
				s.NoteExisting(path)
				err = cli.WriteAtomic(path, write)
			}
		}
		if err != nil {
			fmt.Fprintf(s.Err, "sirkel: kunne ikke skrive %s: %s\n", path, err)
			bad = true
			return
		}
		written++
		msg := s.Out
		if path == cli.StdinName {
			msg = s.Err // stdout carries the workbook
		}
		level := "ingen skår"
		if r.Level != nil {
			level = r.Level.Name()
		}
		fmt.Fprintf(msg, "%s %s: %s (%s), %s av 100, %s\n", s.Wrote(path), path, m.Name, m.Number, scores.FormatScore(r.Total), level)
	})
	versions.warn(s.Err)
	if err := s.Interrupted(); err != nil {
		return err
	}
	if written == 0 && !bad {
		fmt.Fprintln(s.Err, "sirkel: fant ingen svarfiler å lage rapport for")
		return cli.Invalid()
	}
	if bad {
		return cli.Invalid()
	}
	return nil
}

// baselineFor is the baseline a report on r compares with: none when the
// baseline is of another municipality.
func baselineFor(baseline, r *assessment.Result) *assessment.Result {
	if baseline == nil || baseline.Answers.Municipality.Number != r.Answers.Municipality.Number {
		return nil
	}
	return baseline
}

// uniqueName returns name, or name with -2, -3 … before the extension when
// an earlier file in the same run got it, so that two answers files for
// one municipality do not overwrite each other's report.
func uniqueName(name string, used map[string]bool) string {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; ; n++ {
		candidate := name
		if n > 1 {
			candidate = fmt.Sprintf("%s-%d%s", stem, n, ext)
		}
		key := strings.ToLower(candidate)
		if !used[key] {
			used[key] = true
			return candidate
		}
	}
}
