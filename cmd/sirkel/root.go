package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"

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
// the outcome to an exit code, printing an error once as «sirkel: melding».
func run(args []string, s *cli.Streams) (code int) {
	defer func() {
		// A bug must not greet a user with a Go stack trace.
		if v := recover(); v != nil {
			fmt.Fprintf(s.Err, "sirkel: intern feil (%v); dette er en feil i sirkel – meld gjerne fra med kommandoen du kjørte\n", v)
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
	// One hint for a usage error: the help of the command that was used.
	hint := "sirkel"
	if cmd != nil {
		hint = cmd.CommandPath()
	}
	var ee *cli.Error
	if errors.As(err, &ee) {
		if ee.Msg != "" {
			fmt.Fprintf(s.Err, "sirkel: %s\n", ee.Msg)
		}
		if ee.Code == cli.ExitUsage {
			fmt.Fprintf(s.Err, "Se «%s --help» for bruk.\n", hint)
		}
		return ee.Code
	}
	// Anything cobra itself rejects (unknown command or flag, wrong number
	// of arguments) is a usage error.
	fmt.Fprintf(s.Err, "sirkel: %s\n", translateCobra(err.Error()))
	fmt.Fprintf(s.Err, "Se «%s --help» for bruk.\n", hint)
	return cli.ExitUsage
}

// minArgs and exactArgs are cobra's argument checks with Norwegian messages.
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) < n {
			return cli.Usage("mangler %s", what)
		}
		return nil
	}
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return cli.Usage("forventet %s (fikk %d argumenter)", what, len(args))
		}
		return nil
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return cli.Usage("ukjent kommando eller argument «%s» for «%s»", args[0], cmd.CommandPath())
	}
	return nil
}

var unknownCommand = regexp.MustCompile(`unknown command "(.*?)" for "(.*?)"`)

func translateCobra(msg string) string {
	msg = unknownCommand.ReplaceAllString(msg, "ukjent kommando «$1» for «$2»")
	r := strings.NewReplacer(
		"\n\nDid you mean this?\n", "\n\nMente du:\n",
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
	return strings.TrimRight(r.Replace(msg), "\n")
}

// flagError says in Norwegian what is wrong with a flag; the hint to the
// command's help is added by run.
func flagError(err error) string {
	var (
		notExist *pflag.NotExistError
		required *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if short := notExist.GetSpecifiedShortnames(); short != "" {
			return fmt.Sprintf("ukjent flagg «-%s»", notExist.GetSpecifiedName()[:1])
		}
		return fmt.Sprintf("ukjent flagg «--%s»", notExist.GetSpecifiedName())
	case errors.As(err, &required):
		return fmt.Sprintf("%s trenger en verdi", flagNames(required.GetFlag()))
	case errors.As(err, &invalid):
		msg := fmt.Sprintf("ugyldig verdi «%s» for %s", invalid.GetValue(), flagNames(invalid.GetFlag()))
		switch invalid.GetFlag().Value.Type() {
		case "int", "int64", "uint":
			msg += ": forventet et heltall"
		case "bool":
			msg += ": forventet true eller false"
		}
		return msg
	case errors.As(err, &syntax):
		return fmt.Sprintf("ugyldig flagg «%s»", syntax.GetSpecifiedFlag())
	}
	return translateCobra(err.Error())
}

// flagNames is «-o, --output», or «--force» for a flag without a short name.
func flagNames(f *pflag.Flag) string {
	if f.Shorthand != "" {
		return fmt.Sprintf("-%s, --%s", f.Shorthand, f.Name)
	}
	return "--" + f.Name
}

func newRootCmd(s *cli.Streams) *cobra.Command {
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
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return cli.Usage("%s", flagError(err))
	})
	root.AddGroup(&cobra.Group{ID: "main", Title: "Kommandoer:"})
	for _, c := range commands(s) {
		if c.GroupID == "" {
			c.GroupID = "main"
		}
		root.AddCommand(c)
	}
	root.AddCommand(helpTopics()...)
	root.SetHelpCommandGroupID("main")
	root.SetCompletionCommandGroupID("main")
	norwegianHelp(root)
	return root
}

// usageTemplate is cobra's usage template with Norwegian headings.
const usageTemplate = `Bruk:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [kommando]{{end}}{{if gt (len .Aliases) 0}}

Alias:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Eksempler:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

Kommandoer:{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasHelpSubCommands}}

Flere hjelpeemner:{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  sirkel help {{rpad .Name .NamePadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flagg:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Felles flagg:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Skriv «{{.CommandPath}} [kommando] --help» for mer om en kommando.{{end}}
`

// norwegianHelp replaces cobra's English help texts.
func norwegianHelp(root *cobra.Command) {
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
	norwegianUseLines(root)
}

// norwegianUseLines writes «[flagg]» where cobra would write «[flags]» in
// usage lines. It changes this command tree only: a template function would
// be registered in cobra's global state on every run.
func norwegianUseLines(c *cobra.Command) {
	if !c.DisableFlagsInUseLine && c.HasAvailableFlags() {
		c.DisableFlagsInUseLine = true
		c.Use += " [flagg]"
	}
	for _, sub := range c.Commands() {
		norwegianUseLines(sub)
	}
}

// commands lists the subcommands; each lives in its own file.
func commands(s *cli.Streams) []*cobra.Command {
	return []*cobra.Command{
		newAssessCmd(s),
		newValidateCmd(s),
		newQuestionnaireCmd(s),
		newScoreCmd(s),
		newReportCmd(s), newCompareCmd(s),
		newTemplateCmd(s), newMergeCmd(s), newMigrateCmd(s), newSchemaCmd(s),
	}
}
