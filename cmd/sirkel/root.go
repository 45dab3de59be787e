package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// it comes from the module's build info.
var version = ""

func toolVersion() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	// A build from a checkout: name the commit where Go recorded it.
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev-" + s.Value[:12]
		}
	}
	return "dev"
}

// Exit codes: 0 all good, 1 some input invalid, 2 usage, 130 interrupted.
const (
	exitOK          = 0
	exitInvalid     = 1
	exitUsage       = 2
	exitInterrupted = 130
)

// streams is the command's I/O, injected so tests capture everything.
type streams struct {
	In       io.Reader
	Out, Err io.Writer
	InTTY    bool // stdin is a terminal
	OutTTY   bool // stdout is a terminal
	ErrTTY   bool
	Getenv   func(string) string
	ctx      context.Context // cancelled by Ctrl-C (SIGINT)
}

func (s *streams) context() context.Context {
	if s.ctx == nil {
		return context.Background()
	}
	return s.ctx
}

// interrupted is the error of a batch stopped by Ctrl-C: exit code 130.
// Outputs are written atomically, so nothing half-written is left.
func (s *streams) interrupted() error {
	if s.context().Err() == nil {
		return nil
	}
	return &exitError{code: exitInterrupted, msg: "avbrutt (Ctrl-C); ingen halvferdige filer er skrevet"}
}

func newSystemStreams() *streams {
	return &streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTTY:  isatty.IsTerminal(os.Stdin.Fd()),
		OutTTY: isatty.IsTerminal(os.Stdout.Fd()),
		ErrTTY: isatty.IsTerminal(os.Stderr.Fd()),
		Getenv: os.Getenv,
	}
}

// color reports whether output to a terminal may use colour.
func (s *streams) color() bool {
	return s.OutTTY && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb"
}

// exitError carries an exit code through cobra; msg may be empty when the
// problem was already reported.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// invalidInput is returned when some input was bad but the rest was
// processed; the details were printed already.
func invalidInput() error { return &exitError{code: exitInvalid} }

func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
}

func failure(format string, args ...any) error {
	return &exitError{code: exitInvalid, msg: fmt.Sprintf(format, args...)}
}

// run is the single exit point: it builds the command tree, runs it and maps
// the outcome to an exit code, printing an error once as «sirkel: melding».
func run(args []string, s *streams) (code int) {
	defer func() {
		// A bug must not greet a user with a Go stack trace.
		if v := recover(); v != nil {
			fmt.Fprintf(s.Err, "sirkel: intern feil (%v); dette er en feil i sirkel – meld gjerne fra med kommandoen du kjørte\n", v)
			code = exitInvalid
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	s.ctx = ctx
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintf(s.Err, "sirkel: %s\n", ee.msg)
		}
		if ee.code == exitUsage {
			fmt.Fprintln(s.Err, "Se «sirkel --help» for bruk.")
		}
		return ee.code
	}
	// Anything cobra itself rejects (unknown command or flag, wrong number
	// of arguments) is a usage error.
	fmt.Fprintf(s.Err, "sirkel: %s\n", translateCobra(err.Error()))
	fmt.Fprintln(s.Err, "Se «sirkel --help» for bruk.")
	return exitUsage
}

// minArgs and exactArgs are cobra's argument checks with Norwegian messages.
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) < n {
			return usageError("mangler %s", what)
		}
		return nil
	}
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError("forventet %s (fikk %d argumenter)", what, len(args))
		}
		return nil
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError("ukjent kommando eller argument «%s» for «%s»", args[0], cmd.CommandPath())
	}
	return nil
}

func translateCobra(msg string) string {
	r := strings.NewReplacer(
		"unknown command", "ukjent kommando",
		"unknown flag", "ukjent flagg",
		"unknown shorthand flag", "ukjent kort flagg",
		"flag needs an argument", "flagget trenger en verdi",
		"invalid argument", "ugyldig verdi",
		"accepts at most", "tar høyst",
		"accepts", "tar",
		"requires at least", "krever minst",
		"arg(s), received", "argument(er), fikk",
		"for \"sirkel\"", "for «sirkel»",
	)
	return r.Replace(msg)
}

func newRootCmd(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "sirkel",
		Short: "Egenvurdering av kommunens arbeid med sirkulær økonomi",
		Long: `sirkel hjelper kommuner og fylkeskommuner å vurdere hvor langt de har kommet
med sirkulær økonomi, etter KS' veileder: sju tiltaksområder, fem trinn for
styring og tre tiltaksnivåer. Svar i terminalen (assess), skår mange svarfiler
(score), lag en Excel-rapport til ledelsen (report) eller sammenlign kommuner
(compare).`,
		Version:       toolVersion(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetVersionTemplate("sirkel {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%s (se «%s --help»)", translateCobra(err.Error()), c.CommandPath())
	})
	root.AddGroup(&cobra.Group{ID: "main", Title: "Kommandoer:"})
	for _, c := range commands(s) {
		if c.GroupID == "" {
			c.GroupID = "main"
		}
		root.AddCommand(c)
	}
	root.SetHelpCommandGroupID("main")
	root.SetCompletionCommandGroupID("main")
	norwegianHelp(root)
	return root
}

// usageTemplate is cobra's usage template with Norwegian headings.
const usageTemplate = `Bruk:{{if .Runnable}}
  {{norwegianUseLine .UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [kommando]{{end}}{{if gt (len .Aliases) 0}}

Alias:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Eksempler:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

Kommandoer:{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flagg:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Felles flagg:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Skriv «{{.CommandPath}} [kommando] --help» for mer om en kommando.{{end}}
`

// norwegianHelp replaces cobra's English help texts.
func norwegianHelp(root *cobra.Command) {
	cobra.AddTemplateFunc("norwegianUseLine", func(s string) string { return strings.Replace(s, "[flags]", "[flagg]", 1) })
	root.SetUsageTemplate(usageTemplate)
	root.PersistentFlags().BoolP("help", "h", false, "vis hjelp")
	root.Flags().BoolP("version", "v", false, "vis versjonen av sirkel")
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Use = "help [kommando]"
			c.Short = "Hjelp om en kommando"
			c.Long = "Viser hjelp for en kommando, for eksempel «sirkel help score»."
		case "completion":
			c.Short = "Lag skript for fullføring av kommandoer i skallet (bash, zsh, fish, powershell)"
			c.Long = `Lager et skript som gir fullføring av kommandoer, flagg og skjema-id-er i skallet.
For bash: sirkel completion bash > /etc/bash_completion.d/sirkel`
			for _, sub := range c.Commands() {
				sub.Short = "Fullføring for " + sub.Name()
			}
		}
	}
}

// commands lists the subcommands; each lives in its own file.
func commands(s *streams) []*cobra.Command {
	return []*cobra.Command{
		newAssessCmd(s),
		newValidateCmd(s),
		newQuestionnaireCmd(s),
		newScoreCmd(s),
		newReportCmd(s), newCompareCmd(s),
		newTemplateCmd(s), newMergeCmd(s), newMigrateCmd(s), newSchemaCmd(s),
	}
}
