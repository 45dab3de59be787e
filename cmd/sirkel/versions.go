package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/questionnaires"
	"github.com/spf13/cobra"
)

// writeQuestionnaireList writes one row per embedded version, grouped by
// id with the newest first, as questionnaires.List returns them.
func writeQuestionnaireList(w io.Writer, entries []questionnaires.Entry) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSJON\tSPØRSMÅL\tTITTEL")
	var newest, older *assessment.Questionnaire // an example for the note
	for i, e := range entries {
		q := e.Questionnaire
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", q.ID, q.Version, q.QuestionCount(), q.Title)
		if older == nil && i > 0 && entries[i-1].Questionnaire.ID == q.ID {
			newest, older = entries[i-1].Questionnaire, q
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if older != nil {
		_, err := fmt.Fprintf(w, "\nNyeste versjon står først. «%s» betyr %s; skriv %s for en eldre.\n", newest.ID, newest.Ref(), older.Ref())
		return err
	}
	return nil
}

// questionnaireRefs are the completions for a questionnaire: each id (its
// newest version) and each id@version.
func questionnaireRefs() []string {
	entries, _ := questionnaires.List()
	var refs []string
	for i, e := range entries {
		q := e.Questionnaire
		if i == 0 || entries[i-1].Questionnaire.ID != q.ID {
			refs = append(refs, fmt.Sprintf("%s\t%s (nyeste, %s)", q.ID, q.Title, q.Version))
		}
		refs = append(refs, q.Ref().String()+"\t"+q.Title.String())
	}
	return refs
}

// completeQuestionnaireArgs completes up to n questionnaire arguments;
// files are offered too.
func completeQuestionnaireArgs(n int) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return questionnaireRefs(), cobra.ShellCompDirectiveDefault
	}
}

// completeQuestionnaireFlag completes a flag that names a questionnaire.
func completeQuestionnaireFlag(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return questionnaireRefs(), cobra.ShellCompDirectiveDefault
}
