package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// it comes from the module's build info.
var version = ""

// toolVersion is the version printed by --version and written into files.
var toolVersion = sync.OnceValue(func() string {
	if version != "" {
		return version
	}
	return versionFromBuildInfo(debug.ReadBuildInfo())
})

// versionFromBuildInfo is the module version of a build of a tagged
// module (go install …@v1.2.0), else the commit it was built from, with
// «-modified» when the work tree had changes; «dev» when Go recorded
// neither (go run, -buildvcs=false, a copy without .git).
func versionFromBuildInfo(bi *debug.BuildInfo, ok bool) string {
	if !ok || bi == nil {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if revision == "" {
		return "dev"
	}
	if len(revision) > 12 {
		revision = revision[:12]
	}
	if modified == "true" {
		revision += "-modified"
	}
	return revision
}

// run is the single exit point: it builds the command tree, runs it and maps
// the outcome to an exit code, printing an error once as «sirkel: melding»
// in the run's language.
func run(args []string, s *cli.Streams) (code int) {
	// Cobra builds the help texts before it parses flags: the language
	// asked for with --lang is found first, so that «sirkel --lang nn
	// score --help» is nynorsk. The flag, parsed later, checks the value.
	if l, err := lang.ParseFlag(langArg(args)); err == nil {
		s.Lang = l
	}
	defer func() {
		// A bug must not greet a user with a Go stack trace.
		if v := recover(); v != nil {
			cli.Say(s.Err, s.Printer(), lang.M("cli-internal-error", "Panic", fmt.Sprint(v)))
			code = cli.ExitInvalid
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	s.Ctx = ctx
	root := newRootCmd(s)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return cli.ExitOK
	}
	p := s.Printer()
	// One hint for a usage error: the help of the command that was used;
	// for an unknown help topic, the list of topics.
	hint := "sirkel"
	if cmd != nil && !(cmd.Name() == "help" && cmd.Parent() == root) {
		hint = cmd.CommandPath()
	}
	var ee *cli.Error
	if !errors.As(err, &ee) {
		// Anything else cobra rejects is a usage error too; what cobra
		// says in English is caught before it gets here (flagError,
		// unknownCommand, the argument checks), so this is a last resort.
		ee = &cli.Error{Code: cli.ExitUsage, Msg: err.Error()}
	}
	if msg := ee.In(p); msg != "" {
		fmt.Fprintf(s.Err, "sirkel: %s\n", msg)
	}
	if ee.Code == cli.ExitUsage {
		fmt.Fprintln(s.Err, p.T("cli-see-help", "Command", hint))
	}
	return ee.Code
}

// langArg is the value of the last --lang in args, as pflag reads it
// («--lang nn» or «--lang=nn»), before a «--»; "" when there is none.
func langArg(args []string) string {
	v := ""
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--":
			return v
		case a == "--lang" && i+1 < len(args):
			v = args[i+1]
			i++
		case strings.HasPrefix(a, "--lang="):
			v = strings.TrimPrefix(a, "--lang=")
		}
	}
	return v
}

// langFlag is --lang: it sets the run's language as it is parsed, and
// refuses what lang.ParseFlag refuses (a usage error, see flagError).
type langFlag struct {
	s   *cli.Streams
	set string
}

func (f *langFlag) String() string { return f.set }
func (f *langFlag) Type() string   { return "lang" }

func (f *langFlag) Set(v string) error {
	l, err := lang.ParseFlag(v)
	if err != nil {
		return errUnknownLang
	}
	f.s.Lang, f.set = l, v
	return nil
}

// errUnknownLang is the cause of a --lang pflag refuses; flagError says
// which values are valid.
var errUnknownLang = errors.New("unknown written standard")

// minArgs and exactArgs are cobra's argument checks with messages from
// the catalogues; what says what the arguments are.
func minArgs(n int, what lang.Msg) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) < n {
			return cli.UsageMsg(lang.M("cli-args-missing", "What", what))
		}
		return nil
	}
}

func exactArgs(n int, what lang.Msg) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return cli.UsageMsg(lang.M("cli-args-expected", "What", what, "Count", len(args)))
		}
		return nil
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return cli.UsageMsg(lang.M("cli-args-unknown", "Arg", args[0], "Command", cmd.CommandPath(),
			"Suggestions", suggestions(cmd, args[0], false)))
	}
	return nil
}

// flagError says what is wrong with a flag, in place of pflag's English;
// the hint to the command's help is added by run.
func flagError(err error) error {
	var (
		notExist *pflag.NotExistError
		required *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if short := notExist.GetSpecifiedShortnames(); short != "" {
			return cli.UsageMsg(lang.M("cli-flag-unknown", "Flag", "-"+notExist.GetSpecifiedName()[:1]))
		}
		return cli.UsageMsg(lang.M("cli-flag-unknown", "Flag", "--"+notExist.GetSpecifiedName()))
	case errors.As(err, &required):
		return cli.UsageMsg(lang.M("cli-flag-needs-value", "Flag", flagNames(required.GetFlag())))
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		var why lang.Msg
		switch {
		case errors.Is(err, errUnknownLang):
			return cli.UsageMsg(lang.M("lang-unknown", "Value", invalid.GetValue()))
		case slices.Contains([]string{"int", "int64", "uint"}, f.Value.Type()):
			why = lang.M("cli-flag-want-integer")
		case f.Value.Type() == "bool":
			why = lang.M("cli-flag-want-bool")
		}
		return cli.UsageMsg(lang.M("cli-flag-invalid", "Value", invalid.GetValue(), "Flag", flagNames(f), "Why", why))
	case errors.As(err, &syntax):
		return cli.UsageMsg(lang.M("cli-flag-bad-syntax", "Flag", syntax.GetSpecifiedFlag()))
	}
	return cli.Usage("%s", err)
}

// flagNames is «-o, --output», or «--force» for a flag without a short name.
func flagNames(f *pflag.Flag) string {
	if f.Shorthand != "" {
		return fmt.Sprintf("-%s, --%s", f.Shorthand, f.Name)
	}
	return "--" + f.Name
}

// mainGroup is the group of the commands in the root's help.
const mainGroup = "main"

func newRootCmd(s *cli.Streams) *cobra.Command {
	p := s.Printer()
	root := &cobra.Command{
		Use:     "sirkel",
		Short:   p.T("cmd-root-short"),
		Long:    p.T("cmd-root-long"),
		Version: toolVersion(),
		// The root runs, to show its help, so that a word that names no
		// command reaches unknownCommand rather than cobra's English.
		Args:          unknownCommand,
		RunE:          func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetVersionTemplate("sirkel {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(err) })
	root.PersistentFlags().Var(&langFlag{s: s}, "lang", p.T("cli-flag-lang"))
	_ = root.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"nb\t" + p.T("assess-lang-nb"), "nn\t" + p.T("assess-lang-nn")}, cobra.ShellCompDirectiveNoFileComp))
	root.AddGroup(&cobra.Group{ID: mainGroup, Title: p.T("help-commands")})
	for _, c := range commands(s, p) {
		if c.GroupID == "" {
			c.GroupID = mainGroup
		}
		root.AddCommand(c)
	}
	root.AddCommand(helpTopics(p)...)
	root.SetCompletionCommandGroupID(mainGroup)
	localHelp(root, p)
	return root
}

// commands lists the subcommands; each lives in its own file. Their help
// texts are in p's language.
func commands(s *cli.Streams, p *lang.Printer) []*cobra.Command {
	return []*cobra.Command{
		newAssessCmd(s, p),
		newValidateCmd(s, p),
		newQuestionnaireCmd(s, p),
		newScoreCmd(s, p),
		newReportCmd(s, p), newCompareCmd(s, p),
		newTemplateCmd(s, p), newMergeCmd(s, p), newMigrateCmd(s, p), newSchemaCmd(s, p),
	}
}

// aliases are a command's other names, in both written standards whatever
// the language of the run, so that a script works for everyone; m is the
// message that lists them, separated by commas.
func aliases(m lang.Msg) []string {
	var out []string
	for _, l := range []lang.Lang{lang.NB, lang.NN} {
		for _, a := range strings.Split(m.In(lang.For(l)), ",") {
			if a = strings.TrimSpace(a); a != "" && !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}
