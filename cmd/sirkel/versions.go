package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/questionnaires"
	"github.com/spf13/cobra"
)

// writeQuestionnaireList writes one row per embedded version, grouped by
// id with the newest first, as questionnaires.List returns them, in p's
// language.
func writeQuestionnaireList(w io.Writer, p *lang.Printer, entries []questionnaires.Entry) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, p.T("cmd-questionnaire-list-header"))
	var newest, older *assessment.Questionnaire // an example for the note
	for i, e := range entries {
		q := e.Questionnaire
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", q.ID, q.Version, q.QuestionCount(), q.Title.Localize(p))
		if older == nil && i > 0 && entries[i-1].Questionnaire.ID == q.ID {
			newest, older = entries[i-1].Questionnaire, q
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if older != nil {
		_, err := fmt.Fprintf(w, "\n%s\n", p.T("cmd-questionnaire-list-note", "ID", newest.ID, "Newest", newest.Ref().String(), "Older", older.Ref().String()))
		return err
	}
	return nil
}

// questionnaireRefs are the completions for a questionnaire: each id (its
// newest version) and each id@version, described in p's language.
func questionnaireRefs(p *lang.Printer) []string {
	entries, _ := questionnaires.List()
	var refs []string
	for i, e := range entries {
		q := e.Questionnaire
		if i == 0 || entries[i-1].Questionnaire.ID != q.ID {
			refs = append(refs, q.ID+"\t"+p.T("cmd-questionnaire-newest", "Title", q.Title, "Version", q.Version))
		}
		refs = append(refs, q.Ref().String()+"\t"+q.Title.Localize(p))
	}
	return refs
}

// completeQuestionnaireArgs completes up to n questionnaire arguments;
// files are offered too.
func completeQuestionnaireArgs(p *lang.Printer, n int) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return questionnaireRefs(p), cobra.ShellCompDirectiveDefault
	}
}

// completeQuestionnaireFlag completes a flag that names a questionnaire.
func completeQuestionnaireFlag(p *lang.Printer) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return questionnaireRefs(p), cobra.ShellCompDirectiveDefault
	}
}
