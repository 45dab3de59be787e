package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/questionnaires"
	"github.com/spf13/cobra"
)

type migrateOptions struct {
	path          string
	to            string
	output        string
	questionnaire string
	force         bool
	ignoreUnknown bool
}

func newMigrateCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	opts := &migrateOptions{}
	cmd := &cobra.Command{
		Use:     "migrate FIL [--to VERSJON] -o UT.yaml",
		Aliases: aliases(lang.M("cmd-migrate-aliases")),
		Short:   p.T("cmd-migrate-short"),
		Long:    p.T("cmd-migrate-long"),
		Example: p.T("cmd-migrate-example"),
		Args:    exactArgs(1, lang.M("cmd-migrate-args")),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.path = args[0]
			return runMigrate(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.to, "to", "", p.T("cmd-migrate-flag-to"))
	f.StringVarP(&opts.output, "output", "o", "", p.T("cmd-migrate-flag-output"))
	f.StringVarP(&opts.questionnaire, "questionnaire", "q", "", p.T("cmd-migrate-flag-questionnaire"))
	f.BoolVar(&opts.force, "force", false, p.T("cmd-migrate-flag-force"))
	f.BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, p.T("cmd-migrate-flag-ignore-unknown"))
	_ = cmd.RegisterFlagCompletionFunc("to", completeQuestionnaireFlag(p))
	_ = cmd.RegisterFlagCompletionFunc("questionnaire", completeQuestionnaireFlag(p))
	_ = cmd.MarkFlagFilename("output", "yaml", "yml")
	return cmd
}

func runMigrate(s *cli.Streams, opts *migrateOptions) error {
	out := opts.output
	switch {
	case out == "" && opts.path == cli.StdinName:
		return cli.UsageMsg(lang.M("cmd-migrate-no-output-stdin"))
	case out == "" && !opts.force:
		return cli.UsageMsg(lang.M("cmd-migrate-no-output", "File", opts.path))
	case out == "":
		out = opts.path
	case out != cli.StdinName:
		if err := cli.RefuseOverwrite(out, opts.force); err != nil {
			return err
		}
	}
	qs := batch.NewSource(opts.questionnaire, s.In)
	if _, err := qs.Fixed(); err != nil {
		return batch.QuestionnaireError(s, opts.questionnaire, err)
	}
	l := batch.Load(opts.path, s.In, qs, batch.Options{Check: assessment.CheckOptions{IgnoreUnknown: opts.ignoreUnknown}})
	if l.Answers != nil {
		// What is said of the migration, and the comments it writes, are
		// in the file's language, unless --lang says otherwise.
		s.UseFileLang(l.Answers.Language)
	}
	from := l.Questionnaire
	// Checked against another version, the answers' problems are noise:
	// the relations need the very version they were written for.
	if from != nil && l.Answers.Questionnaire.Version != "" && l.Answers.Questionnaire != from.Ref() {
		ref := l.Answers.Questionnaire.String()
		if opts.questionnaire != "" {
			return cli.FailureMsg(lang.M("cmd-migrate-other-version", "File", opts.path, "Ref", ref, "Given", from.Ref().String()))
		}
		return cli.FailureMsg(lang.M("cmd-migrate-not-embedded", "File", opts.path, "Ref", ref))
	}
	p := s.Printer()
	cli.PrintDiagnostics(s.Err, p, l.Diags)
	if !l.OK() {
		return cli.FailureMsg(lang.M("cmd-migrate-errors", "File", opts.path))
	}
	to, err := migrationTarget(s, p, opts.to, from)
	if err != nil {
		return err
	}
	migrated, steps := assessment.Migrate(l.Checked, to)

	write := func(w io.Writer) error { return assessment.WriteAnswers(w, to, migrated) }
	if out == cli.StdinName {
		err = write(s.Out)
	} else {
		err = cli.WriteAtomic(out, write)
	}
	if err != nil {
		return cli.FailureMsg(lang.M("cli-write-failed", "File", out, "Error", err))
	}
	printMigration(s.Err, p, opts.path, out, migrated, from, to, steps)
	return nil
}

// migrationTarget resolves --to: a bare version of the file's
// questionnaire, an embedded id or id@version, or a file; by default the
// newest embedded version. Only a newer version of the same questionnaire
// will do.
func migrationTarget(s *cli.Streams, p *lang.Printer, arg string, from *assessment.Questionnaire) (*assessment.Questionnaire, error) {
	switch {
	case arg == "":
		if _, err := questionnaires.Get(from.ID); err != nil {
			return nil, cli.UsageMsg(lang.M("cmd-migrate-target-not-embedded", "ID", from.ID))
		}
		arg = from.ID
	case !strings.Contains(arg, "@") && !batch.NewSource(arg, nil).IsFile():
		if vs, _ := questionnaires.Versions(arg); len(vs) == 0 {
			arg = from.ID + "@" + arg // a bare version
		}
	}
	to, err := loadQuestionnaireArg(s, arg)
	if err != nil {
		return nil, err
	}
	switch c := assessment.CompareVersions(to.Version, from.Version); {
	case to.ID != from.ID:
		return nil, cli.UsageMsg(lang.M("cmd-migrate-other-questionnaire", "To", to.Ref().String(), "From", from.Ref().String()))
	case c < 0:
		return nil, cli.UsageMsg(lang.M("cmd-migrate-older", "To", to.Ref().String(), "From", from.Ref().String()))
	case c == 0:
		return nil, cli.UsageMsg(lang.M("cmd-migrate-same", "From", from.Ref().String()))
	}
	return to, nil
}

// printMigration lists what was done, in p's language; answers kept as
// they were are counted, not listed, for they are most of them.
func printMigration(w io.Writer, p *lang.Printer, in, out string, migrated *assessment.Answers, from, to *assessment.Questionnaire, steps []assessment.MigrationStep) {
	fmt.Fprintln(w, p.T("cmd-migrate-moved", "File", in, "From", from.Ref().String(), "To", to.Ref().String()))
	var kept, redo, left int
	for _, st := range steps {
		switch st.Kind {
		case assessment.ChangeKept:
			kept++
			continue
		case assessment.ChangeMerged, assessment.ChangeNotCarried:
			redo++
		}
		fmt.Fprintf(w, "  %s\n", st.In(p))
	}
	for _, id := range migrated.Answers.Order {
		if _, _, ok := to.Question(id); !ok {
			left++
		}
	}
	fmt.Fprintf(w, "  %s\n", p.T("cmd-migrate-kept", "N", kept))
	where := p.T("cmd-migrate-the-file")
	if out != cli.StdinName {
		fmt.Fprintln(w, p.T("cmd-migrate-wrote", "File", out))
		where = out
	}
	if redo > 0 {
		fmt.Fprintln(w, p.T("cmd-migrate-redo", "N", redo))
	}
	if left > 0 {
		fmt.Fprintln(w, p.T("cmd-migrate-left", "N", left, "File", where, "Version", to.Version))
	}
}
