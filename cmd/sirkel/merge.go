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

func newMergeCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	opts := &mergeOptions{}
	cmd := &cobra.Command{
		Use:     "merge FIL… -o UT.yaml",
		Aliases: aliases(lang.M("cmd-merge-aliases")),
		Short:   p.T("cmd-merge-short"),
		Long:    p.T("cmd-merge-long"),
		Example: p.T("cmd-merge-example"),
		Args:    minArgs(1, lang.M("cmd-merge-args")),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			if opts.output == "" {
				return cli.UsageMsg(lang.M("cmd-merge-no-output"))
			}
			if opts.prefer != "" && !slices.Contains(mergePrefers, opts.prefer) {
				return cli.UsageMsg(lang.M("cmd-merge-unknown-prefer", "Value", opts.prefer))
			}
			return runMerge(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", p.T("cmd-merge-flag-output"))
	cmd.Flags().StringVar(&opts.prefer, "prefer", "", p.T("cmd-merge-flag-prefer"))
	cmd.Flags().StringVarP(&opts.questionnaire, "questionnaire", "q", "", p.T("cmd-merge-flag-questionnaire"))
	cmd.Flags().BoolVar(&opts.schema, "schema", false, p.T("cmd-merge-flag-schema"))
	cmd.Flags().BoolVar(&opts.force, "force", false, p.T("cmd-merge-flag-force"))
	cmd.Flags().BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, p.T("cmd-merge-flag-ignore-unknown"))
	_ = cmd.RegisterFlagCompletionFunc("prefer", cobra.FixedCompletions(mergePrefers, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runMerge(s *cli.Streams, opts *mergeOptions) error {
	p := s.Printer()
	if err := batch.OneStdin(opts.questionnaire, opts.paths); err != nil {
		return err
	}
	files, pathDiags := batch.Expand(opts.paths)
	cli.PrintDiagnostics(s.Err, p, pathDiags)
	toStdout := opts.output == cli.StdinName
	if toStdout && opts.schema {
		return cli.UsageMsg(lang.M("cmd-merge-schema-stdout"))
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
			return cli.FailureMsg(lang.M("cmd-merge-busy", "Busy", busy))
		case s.Context().Err() != nil:
			return s.Interrupted()
		case err != nil:
			return cli.FailureMsg(lang.M("cmd-merge-lock-failed", "File", opts.output, "Lock", lock.Path(opts.output), "Error", cli.OSError(err)))
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
		cli.PrintDiagnostics(s.Err, p, l.Diags)
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
		return cli.FailureMsg(lang.M("cmd-merge-errors", "File", opts.output))
	}
	if len(parts) == 0 {
		return cli.FailureMsg(lang.M("cmd-merge-none"))
	}
	merged, conflicts, ds := assessment.Merge(q, parts, preferOf(opts.prefer))
	if ds != nil {
		cli.PrintDiagnostics(s.Err, p, ds)
		return cli.FailureMsg(lang.M("cmd-merge-refused", "File", opts.output))
	}
	for _, c := range conflicts {
		if opts.prefer == "" {
			fmt.Fprintln(s.Err, p.T("cmd-merge-conflict", "Conflict", c.In(p)))
		} else {
			kept := c.Values[c.Chosen]
			fmt.Fprintln(s.Err, p.T("cmd-merge-conflict-kept", "Conflict", c.In(p), "Value", kept.In(p), "File", kept.File, "Prefer", opts.prefer))
		}
	}
	if len(conflicts) > 0 && opts.prefer == "" {
		return cli.FailureMsg(lang.M("cmd-merge-conflicts", "Count", len(conflicts), "File", opts.output))
	}
	// The merged file keeps the written standard of its parts; its
	// comments are written in it.
	merged.Language = mergedLanguage(parts)

	if toStdout {
		if err := assessment.WriteAnswers(s.Out, q, merged); err != nil {
			return cli.FailureMsg(lang.M("cmd-merge-write-failed", "Error", err))
		}
		return nil
	}
	var modeline string
	if opts.schema {
		name := schema.FileName(q.Ref())
		path := filepath.Join(filepath.Dir(opts.output), name)
		sp := lang.For(s.Choose(merged.Language))
		err := cli.WriteAtomic(path, func(w io.Writer) error { return schema.Write(w, schema.ForAnswers(sp, q)) })
		if err != nil {
			return cli.FailureMsg(lang.M("cli-write-failed", "File", path, "Error", err))
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
		return cli.FailureMsg(lang.M("cli-write-failed", "File", opts.output, "Error", err))
	}
	fmt.Fprintln(s.Err, p.T("cmd-merge-wrote", "Wrote", s.Wrote(p, opts.output), "File", opts.output, "Answers", countAnswered(merged),
		"Files", p.T("cmd-merge-files", "Count", len(parts)), "Name", merged.Municipality.Name, "Number", merged.Municipality.Number))
	return nil
}

// mergedLanguage is the written standard of merged answers: that of the
// first part that names one.
func mergedLanguage(parts []*assessment.Checked) string {
	for _, c := range parts {
		if c.Answers.Language != "" {
			return c.Answers.Language
		}
	}
	return ""
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
