package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The help of every command is written here, in the run's language, in
// place of cobra's English usage template and pflag's flag list: the
// headings, the value names and defaults of flags, the help command and
// the completion command come from the catalogues. Nothing is registered
// in cobra's global state (template functions), so runs do not share any.

// localHelp makes cobra's help and completion commands and the usage of
// every command speak p's language.
func localHelp(root *cobra.Command, p *lang.Printer) {
	root.SetUsageFunc(usageFunc(p))
	root.PersistentFlags().BoolP("help", "h", false, p.T("help-flag-help"))
	root.Flags().BoolP("version", "v", false, p.T("help-flag-version"))
	root.SetHelpCommand(newHelpCmd(p))
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			localCompletion(c, p)
		}
	}
	flagsInUseLines(root, p)
}

// usageFunc writes a command's usage: how it is called, its aliases and
// examples, its subcommands by group, the help topics, and its flags.
func usageFunc(p *lang.Printer) func(*cobra.Command) error {
	return func(c *cobra.Command) error {
		var b strings.Builder
		b.WriteString(p.T("help-usage"))
		if c.Runnable() && c.HasParent() {
			b.WriteString("\n  " + c.UseLine())
		}
		if c.HasAvailableSubCommands() {
			b.WriteString("\n  " + c.CommandPath() + " " + p.T("help-use-command"))
		}
		if len(c.Aliases) > 0 {
			b.WriteString("\n\n" + p.T("help-aliases") + "\n  " + c.NameAndAliases())
		}
		if c.HasExample() {
			b.WriteString("\n\n" + p.T("help-examples") + "\n" + c.Example)
		}
		if c.HasAvailableSubCommands() {
			shown := func(sub *cobra.Command) bool { return sub.IsAvailableCommand() || sub.Name() == "help" }
			if len(c.Groups()) == 0 {
				b.WriteString("\n\n" + p.T("help-commands"))
				for _, sub := range c.Commands() {
					if shown(sub) {
						fmt.Fprintf(&b, "\n  %s %s", pad(sub.Name(), sub.NamePadding()), sub.Short)
					}
				}
			}
			for _, g := range c.Groups() {
				b.WriteString("\n\n" + g.Title)
				for _, sub := range c.Commands() {
					if sub.GroupID == g.ID && shown(sub) {
						fmt.Fprintf(&b, "\n  %s %s", pad(sub.Name(), sub.NamePadding()), sub.Short)
					}
				}
			}
		}
		if c.HasHelpSubCommands() {
			b.WriteString("\n\n" + p.T("help-topics"))
			for _, sub := range c.Commands() {
				if sub.IsAdditionalHelpTopicCommand() {
					fmt.Fprintf(&b, "\n  %s help %s %s", c.Root().Name(), pad(sub.Name(), sub.NamePadding()), sub.Short)
				}
			}
		}
		if c.HasAvailableLocalFlags() {
			b.WriteString("\n\n" + p.T("help-flags") + "\n" + flagUsages(p, c.LocalFlags()))
		}
		if c.HasAvailableInheritedFlags() {
			b.WriteString("\n\n" + p.T("help-global-flags") + "\n" + flagUsages(p, c.InheritedFlags()))
		}
		if c.HasAvailableSubCommands() {
			b.WriteString("\n\n" + p.T("help-more", "Command", c.CommandPath()))
		}
		b.WriteString("\n")
		_, err := fmt.Fprint(c.OutOrStderr(), b.String())
		return err
	}
}

// pad fills s with spaces to n characters.
func pad(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s)))
}

// flagUsages lists flags as pflag does, one a line with the usages in a
// column, but in p's language: a flag's value is named by the back-quoted
// word of its usage («oppgi `FIL`»), else by its type in words, and a
// default that is not the zero value is «(standard: …)».
func flagUsages(p *lang.Printer, fs *pflag.FlagSet) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if !strings.Contains(f.Usage, "`") {
			name = typeName(p, name)
		}
		if name != "" {
			left += " " + name
		}
		if !zeroDefault(f) {
			usage += " " + p.T("help-flag-default", "Value", f.DefValue)
		}
		width = max(width, utf8.RuneCountInString(left))
		rows = append(rows, row{left, usage})
	})
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteString("\n")
		}
		indent := "\n" + strings.Repeat(" ", width+3)
		b.WriteString(pad(r.left, width) + "   " + strings.ReplaceAll(r.usage, "\n", indent))
	}
	return b.String()
}

// typeName is the value of a flag named by its type, in words: pflag
// names it «string», «int», «stringArray» …; "" for a switch.
func typeName(p *lang.Printer, name string) string {
	switch name {
	case "":
		return ""
	case "string", "stringArray":
		return p.T("help-type-text")
	case "int", "int8", "int16", "int32", "uint", "uint8", "uint16", "uint32", "float", "float32":
		return p.T("help-type-number")
	case "strings", "ints", "uints", "bools", "float64Slice", "float32Slice", "int32Slice", "int64Slice", "durationSlice":
		return p.T("help-type-list")
	case "duration":
		return p.T("help-type-duration")
	}
	return p.T("help-type-value")
}

// zeroDefault reports whether a flag's default says nothing: no text, 0,
// false or an empty list.
func zeroDefault(f *pflag.Flag) bool {
	return slices.Contains([]string{"", "0", "false", "[]", "0s"}, f.DefValue)
}

// flagsInUseLines writes «[flagg]» where cobra would write «[flags]» in
// usage lines. Every command has flags (--help and --lang are inherited,
// which cobra sees only later). It changes this command tree only: a
// template function would be registered in cobra's global state on every
// run.
func flagsInUseLines(c *cobra.Command, p *lang.Printer) {
	if !c.DisableFlagsInUseLine {
		c.DisableFlagsInUseLine = true
		c.Use += " " + p.T("help-use-flags")
	}
	for _, sub := range c.Commands() {
		flagsInUseLines(sub, p)
	}
}

// newHelpCmd is «sirkel help [kommando]»: cobra's help command, which
// says «Unknown help topic» in English, in p's language; an unknown topic
// is a usage error with suggestions.
func newHelpCmd(p *lang.Printer) *cobra.Command {
	return &cobra.Command{
		Use:     "help " + p.T("help-use-command"),
		Short:   p.T("help-help-short"),
		Long:    p.T("help-help-long"),
		GroupID: mainGroup,
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, sub := range cmd.Commands() {
				if (sub.IsAvailableCommand() || sub.Name() == "help") && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || cmd == nil || len(rest) > 0 {
				parent, word := c.Root(), args[0]
				if cmd != nil && len(rest) > 0 {
					parent, word = cmd, rest[0]
				}
				return cli.UsageMsg(lang.M("help-unknown-topic", "Topic", strings.Join(args, " "),
					"Suggestions", suggestions(parent, word, true)))
			}
			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
	}
}

// suggestions are the subcommands of c (and with topics its help topics)
// whose names are close to arg (at most two edits away, or beginning with
// it), as a message «Mente du: …» on lines of their own; the zero Msg when
// none is.
func suggestions(c *cobra.Command, arg string, topics bool) lang.Msg {
	var names []string
	for _, sub := range c.Commands() {
		if !sub.IsAvailableCommand() && !(topics && sub.IsAdditionalHelpTopicCommand()) {
			continue
		}
		name := sub.Name()
		if editDistance(strings.ToLower(arg), name) <= 2 || strings.HasPrefix(name, strings.ToLower(arg)) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return lang.Msg{}
	}
	return lang.M("cli-did-you-mean", "Names", "\t"+strings.Join(names, "\n\t"))
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := range ra {
		cur := make([]int, len(rb)+1)
		cur[0] = i + 1
		for j := range rb {
			cost := 1
			if ra[i] == rb[j] {
				cost = 0
			}
			cur[j+1] = min(prev[j+1]+1, cur[j]+1, prev[j]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// unknownCommand is the root's check of its arguments: a word that names
// no command is a usage error with suggestions, not cobra's English one.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return cli.UsageMsg(lang.M("cli-unknown-command", "Command", args[0], "Parent", cmd.CommandPath(),
		"Suggestions", suggestions(cmd, args[0], false)))
}

// localCompletion gives «sirkel completion» and its subcommands help in
// p's language; cobra writes it in English, the long help of each shell
// with instructions that name the program.
func localCompletion(c *cobra.Command, p *lang.Printer) {
	root := c.Root().Name()
	c.Short = p.T("help-completion-short")
	c.Long = p.T("help-completion-long", "Root", root)
	c.Args = noArgs
	shells := map[string][2]lang.Msg{ // short and long help
		"bash":       {lang.M("help-completion-bash-short"), lang.M("help-completion-bash-long", "Root", root)},
		"zsh":        {lang.M("help-completion-zsh-short"), lang.M("help-completion-zsh-long", "Root", root)},
		"fish":       {lang.M("help-completion-fish-short"), lang.M("help-completion-fish-long", "Root", root)},
		"powershell": {lang.M("help-completion-powershell-short"), lang.M("help-completion-powershell-long", "Root", root)},
	}
	for _, sub := range c.Commands() {
		sub.Args = noArgs
		if f := sub.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = p.T("help-completion-no-descriptions")
		}
		texts, ok := shells[sub.Name()]
		if !ok {
			// A shell cobra adds later gets a line of ours, not English.
			other := lang.M("help-completion-other-short", "Shell", sub.Name())
			texts = [2]lang.Msg{other, other}
		}
		sub.Short, sub.Long = texts[0].In(p), texts[1].In(p)
	}
}
