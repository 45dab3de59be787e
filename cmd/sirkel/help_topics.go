package main

import (
	"github.com/sirkel/sirkel/assessment/lang"

	"github.com/spf13/cobra"
)

// helpTopics are «sirkel help formats» and «sirkel help scoring»: the file
// formats and the scoring rules, for users, in the tool itself, in p's
// language. Each is one message of the catalogues.
func helpTopics(p *lang.Printer) []*cobra.Command {
	return []*cobra.Command{
		{Use: "formats", Aliases: aliases(lang.M("help-formats-aliases")), Short: p.T("help-formats-short"), Long: p.T("help-formats")},
		{Use: "scoring", Aliases: aliases(lang.M("help-scoring-aliases")), Short: p.T("help-scoring-short"), Long: p.T("help-scoring")},
	}
}
