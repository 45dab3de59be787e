package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/questionnaires"
	"github.com/sirkel/sirkel/report/answersheet"
	"github.com/spf13/cobra"
)

type templateOptions struct {
	questionnaire string
	areas         []string
	from          string
	output        string
	force         bool
	ignoreUnknown bool
}

func newTemplateCmd(s *cli.Streams, p *lang.Printer) *cobra.Command {
	opts := &templateOptions{}
	cmd := &cobra.Command{
		Use:     "template [-o FIL]",
		Aliases: aliases(lang.M("cmd-template-aliases")),
		Short:   p.T("cmd-template-short"),
		Long:    p.T("cmd-template-long"),
		Example: p.T("cmd-template-example"),
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("output") {
				opts.output = defaultTemplate
			}
			return runTemplate(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.questionnaire, "questionnaire", "q", "", p.T("cmd-template-flag-questionnaire", "Default", questionnaires.DefaultID))
	cmd.Flags().StringArrayVar(&opts.areas, "area", nil, p.T("cmd-template-flag-area"))
	cmd.Flags().StringVar(&opts.from, "from", "", p.T("cmd-template-flag-from"))
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", p.T("cmd-template-flag-output", "Default", defaultTemplate))
	cmd.Flags().BoolVar(&opts.force, "force", false, p.T("cmd-template-flag-force"))
	cmd.Flags().BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, p.T("cmd-template-flag-ignore-unknown"))
	_ = cmd.RegisterFlagCompletionFunc("area", completeTemplateAreas(p, &opts.questionnaire))
	return cmd
}

// defaultTemplate is the answer workbook template writes without -o.
const defaultTemplate = "svarskjema.xlsx"

func runTemplate(s *cli.Streams, opts *templateOptions) error {
	cli.WarnNotXLSX(s, s.Printer(), opts.output)
	if opts.output == cli.StdinName || opts.output == "" {
		return cli.UsageMsg(lang.M("cmd-template-not-stdout"))
	}
	if err := cli.RefuseOverwrite(opts.output, opts.force); err != nil {
		return err
	}
	s.NoteExisting(opts.output)
	qs := batch.NewSource(opts.questionnaire, s.In)
	var (
		q    *assessment.Questionnaire
		from *assessment.Checked
	)
	if opts.from != "" {
		l := batch.Load(opts.from, s.In, qs, batch.Options{Check: assessment.CheckOptions{IgnoreUnknown: opts.ignoreUnknown}})
		if l.Answers != nil {
			// The answer sheet and what is said of it are in the language
			// of the answers it is filled in with, unless --lang says.
			s.UseFileLang(l.Answers.Language)
		}
		cli.PrintDiagnostics(s.Err, s.Printer(), l.Diags)
		if !l.OK() {
			return cli.FailureMsg(lang.M("cmd-template-from-invalid", "File", opts.from))
		}
		q, from = l.Questionnaire, l.Checked
	} else {
		var err error
		if q, err = qs.For(assessment.QuestionnaireRef{}); err != nil {
			return batch.QuestionnaireError(s, opts.questionnaire, err)
		}
	}
	p := s.Printer()
	for _, id := range opts.areas {
		if _, ok := q.Area(id); !ok {
			return cli.UsageMsg(lang.M("cmd-template-unknown-area", "Area", id, "Ref", q.Ref().String(), "Valid", strings.Join(templateAreaIDs(q), ", ")))
		}
	}
	if from != nil && len(opts.areas) > 0 {
		left := 0
		for _, id := range from.Answers.Answers.Order {
			if qu, a, ok := q.Question(id); ok && !slices.Contains(opts.areas, a.ID) && from.Value(qu).Kind != assessment.ValueNone {
				left++
			}
		}
		if left > 0 {
			cli.Note(s.Err, p, lang.M("cmd-template-other-areas", "N", left, "File", opts.from))
		}
	}
	now, err := cli.Now(s)
	if err != nil {
		return err
	}
	topt := answersheet.Options{Areas: opts.areas, From: from, Now: now, ToolVersion: toolVersion(), Lang: p.Lang()}
	err = cli.WriteAtomic(opts.output, func(w io.Writer) error { return answersheet.Write(w, q, topt) })
	if err != nil {
		return cli.FailureMsg(lang.M("cli-write-failed", "File", opts.output, "Error", err))
	}
	n := 0
	q.AllQuestions(func(a *assessment.Area, _ *assessment.Question) {
		if len(opts.areas) == 0 || slices.Contains(opts.areas, a.ID) {
			n++
		}
	})
	fmt.Fprintln(s.Err, p.T("cmd-template-wrote", "Wrote", s.Wrote(p, opts.output), "File", opts.output, "Ref", q.Ref().String(), "N", n))
	return nil
}

func templateAreaIDs(q *assessment.Questionnaire) []string {
	ids := make([]string, len(q.Areas))
	for i, a := range q.Areas {
		ids[i] = a.ID
	}
	return ids
}

// completeTemplateAreas completes --area with the area ids of the questionnaire
// given with -q (or the default one).
func completeTemplateAreas(p *lang.Printer, questionnaire *string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		qs := batch.NewSource(*questionnaire, nil)
		q, err := qs.For(assessment.QuestionnaireRef{})
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, a := range q.Areas {
			out = append(out, a.ID+"\t"+a.Name.Localize(p))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
