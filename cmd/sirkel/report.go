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
	"github.com/sirkel/sirkel/assessment/lang"
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

func newReportCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:     "report STI…",
		Aliases: aliases(lang.M("cmd-report-aliases")),
		Short:   p.T("cmd-report-short"),
		Long:    p.T("cmd-report-long"),
		Example: p.T("cmd-report-example"),
		Args:    minArgs(1, lang.M("cmd-report-args")),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runReport(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", p.T("cmd-report-flag-output"))
	f.StringVar(&opts.outDir, "out-dir", "", p.T("cmd-report-flag-out-dir"))
	f.StringVar(&opts.baseline, "baseline", "", p.T("cmd-report-flag-baseline"))
	f.StringVarP(&opts.questionnaire, "questionnaire", "q", "", p.T("cmd-flag-questionnaire"))
	f.BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, p.T("cmd-flag-ignore-unknown"))
	f.IntVarP(&opts.jobs, "jobs", "j", 0, p.T("cmd-report-flag-jobs"))
	_ = cmd.MarkFlagDirname("out-dir")
	cli.MarkWorkbookOutput(cmd, s, "output")
	_ = cmd.MarkFlagFilename("baseline", "yaml", "yml")
	return cmd
}

func runReport(s *cli.Streams, opts *reportOptions) error {
	p := s.Printer()
	if opts.output != "" && opts.outDir != "" {
		return cli.UsageMsg(lang.M("cmd-report-output-and-out-dir"))
	}
	if err := batch.OneStdin(opts.questionnaire, opts.paths); err != nil {
		return err
	}
	files, pathDiags := batch.Expand(opts.paths)
	cli.WarnNotXLSX(s, p, opts.output)
	if opts.output != "" && len(files) > 1 {
		return cli.UsageMsg(lang.M("cmd-report-output-one", "Count", len(files)))
	}
	cli.PrintDiagnostics(s.Err, p, pathDiags)
	qs := batch.NewSource(opts.questionnaire, s.In)
	if _, err := qs.Fixed(); err != nil {
		return batch.QuestionnaireError(s, opts.questionnaire, err)
	}
	bopt := batch.Options{Check: assessment.CheckOptions{IgnoreUnknown: opts.ignoreUnknown}, Jobs: opts.jobs, SkipQuestionnaires: true, Evaluate: true}

	var baseline *assessment.Result
	versions := versionSet{} // of the baseline and the files compared with it
	if opts.baseline != "" {
		l := batch.Load(opts.baseline, s.In, qs, bopt)
		cli.PrintDiagnostics(s.Err, p, l.Diags)
		if !l.OK() {
			return cli.FailureMsg(lang.M("cmd-report-baseline-unreadable", "File", opts.baseline))
		}
		baseline = assessment.Evaluate(l.Checked)
		versions.add(l.Questionnaire)
	}

	dir := opts.outDir
	if dir == "" {
		dir = "."
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return cli.FailureMsg(lang.M("cmd-report-mkdir-failed", "Folder", dir, "Error", cli.OSError(err)))
	}
	now, err := cli.Now(s)
	if err != nil {
		return err
	}
	// The workbooks are made in the workers, in parallel; they are named,
	// written and reported here, in the order of the files. Each report
	// is in its file's language unless --lang says otherwise.
	bopt.Work = func(l *batch.File) {
		var buf bytes.Buffer
		ropt := report.ReportOptions{Baseline: baselineFor(baseline, l.Result), ToolVersion: toolVersion(), Now: now,
			File: filepath.Base(l.Path), Lang: s.Choose(l.Answers.Language)}
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
		cli.PrintDiagnostics(s.Err, p, l.Diags)
		if !l.OK() {
			bad = true
			return
		}
		r := l.Result
		m := r.Answers.Municipality
		if baseline != nil && baselineFor(baseline, r) == nil {
			bm := baseline.Answers.Municipality
			cli.WarnAbout(s.Err, p, l.Path, lang.M("cmd-report-baseline-other", "BaselineName", bm.Name, "BaselineNumber", bm.Number,
				"Name", m.Name, "Number", m.Number))
		} else if baseline != nil {
			versions.add(r.Questionnaire)
		}
		path := opts.output
		if path == "" {
			def := report.DefaultReportName(m)
			name := uniqueName(def, used)
			if name != def {
				cli.WarnAbout(s.Err, p, l.Path, lang.M("cmd-report-same-municipality", "Name", m.Name, "Number", m.Number, "Report", name))
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
			cli.Say(s.Err, p, lang.M("cli-write-failed", "File", path, "Error", err))
			bad = true
			return
		}
		written++
		msg := s.Out
		if path == cli.StdinName {
			msg = s.Err // stdout carries the workbook
		}
		level := p.T("cmd-report-no-level")
		if r.Level != nil {
			level = scores.LevelName(p, r.Level)
		}
		fmt.Fprintln(msg, p.T("cmd-report-wrote", "Wrote", s.Wrote(p, path), "File", path, "Name", m.Name, "Number", m.Number,
			"Score", scores.FormatScore(r.Total), "Level", level))
	})
	versions.warn(s.Err, p)
	if err := s.Interrupted(); err != nil {
		return err
	}
	if written == 0 && !bad {
		cli.Say(s.Err, p, lang.M("cmd-report-none"))
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
