package main

import (
	"github.com/sirkel/sirkel/cmd/sirkel/internal/session"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/questionnaires"
	"github.com/spf13/cobra"
)

func newAssessCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	opts := &session.Options{}
	cmd := &cobra.Command{
		Use:     "assess [FIL]",
		Aliases: aliases(lang.M("cmd-assess-aliases")),
		Short:   p.T("cmd-assess-short"),
		Long:    p.T("cmd-assess-long"),
		Example: p.T("cmd-assess-example"),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return cli.UsageMsg(lang.M("cmd-assess-args", "Count", len(args)))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			// Only what was typed: the sitting speaks a continued file's
			// language unless --lang says otherwise.
			opts.Lang = s.Lang
			return session.Run(cmd.Context(), s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Questionnaire, "questionnaire", "q", "", p.T("cmd-assess-flag-questionnaire"))
	f.StringArrayVar(&opts.Areas, "area", nil, p.T("cmd-assess-flag-area"))
	f.StringVarP(&opts.Municipality, "municipality", "m", "", p.T("cmd-assess-flag-municipality"))
	f.StringVar(&opts.Respondent, "respondent", "", p.T("cmd-assess-flag-respondent"))
	f.StringVar(&opts.Role, "role", "", p.T("cmd-assess-flag-role"))
	f.BoolVar(&opts.Accessible, "accessible", false, p.T("cmd-assess-flag-accessible"))
	f.BoolVar(&opts.Force, "force", false, p.T("cmd-assess-flag-force"))
	f.BoolVar(&opts.Review, "review", false, p.T("cmd-assess-flag-review"))
	f.BoolVar(&opts.Schema, "schema", false, p.T("cmd-assess-flag-schema"))
	_ = cmd.RegisterFlagCompletionFunc("area", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		e, err := questionnaires.Get(questionnaires.DefaultID)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var ids []string
		for _, a := range e.Questionnaire.Areas {
			ids = append(ids, a.ID+"\t"+a.Name.Localize(p))
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}
