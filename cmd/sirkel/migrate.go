package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
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

func newMigrateCmd(s *cli.Streams) *cobra.Command {
	opts := &migrateOptions{}
	cmd := &cobra.Command{
		Use:     "migrate FIL [--to VERSJON] -o UT.yaml",
		Aliases: []string{"migrer"},
		Short:   "Flytt en svarfil til en nyere versjon av spørreskjemaet",
		Long: `Flytter svarene i FIL til en nyere versjon av spørreskjemaet (standard: den
nyeste innebygde) og skriver resultatet til UT.yaml. Svar på spørsmål som finnes
i begge versjonene, beholdes. Den nye versjonen sier med «replaces» hvilke
spørsmål den erstatter: har spørsmålet fått nytt navn eller er delt, følger
svaret med til hver del; er flere spørsmål slått sammen, står det nye ubesvart
med de gamle svarene i kommentaren, så en person kan avgjøre svaret. Et svar som
ikke passer det nye spørsmålet (en annen type, et alternativ som er borte),
blir også en kommentar. Svar på spørsmål som er fjernet, står nederst i filen.
Alt som er gjort, listes på standard feil.

FIL skrives bare over med --force. --to er en versjon (2026.2), id@versjon eller
en skjemafil; -q er skjemafilen FIL er skrevet for, når den ikke er innebygd.`,
		Example: `  sirkel migrate svar-3440.yaml -o svar-3440-ny.yaml
  sirkel migrate svar-3440.yaml --to 2026.2 --force
  sirkel migrer svar.yaml -q skjema-v1.yaml --to skjema-v2.yaml -o ny.yaml`,
		Args: exactArgs(1, "én svarfil"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.path = args[0]
			return runMigrate(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.to, "to", "", "versjonen, id@versjon eller skjemafilen svarene flyttes til (standard: nyeste innebygde)")
	f.StringVarP(&opts.output, "output", "o", "", "svarfilen som skrives (YAML); - for standard ut")
	f.StringVarP(&opts.questionnaire, "questionnaire", "q", "", "spørreskjemaet FIL er skrevet for (innebygd id@versjon eller fil); standard: det FIL oppgir")
	f.BoolVar(&opts.force, "force", false, "skriv over en fil som finnes, også FIL selv når -o mangler")
	f.BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, "godta svar på spørsmål som skjemaet til FIL ikke har; de føres over uendret")
	_ = cmd.RegisterFlagCompletionFunc("to", completeQuestionnaireFlag)
	_ = cmd.RegisterFlagCompletionFunc("questionnaire", completeQuestionnaireFlag)
	_ = cmd.MarkFlagFilename("output", "yaml", "yml")
	return cmd
}

func runMigrate(s *cli.Streams, opts *migrateOptions) error {
	out := opts.output
	switch {
	case out == "" && opts.path == cli.StdinName:
		return cli.Usage("mangler -o UT.yaml, filen de flyttede svarene skrives til")
	case out == "" && !opts.force:
		return cli.Usage("mangler -o UT.yaml; svarfilen %s skrives bare over med --force", opts.path)
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
	from := l.Questionnaire
	// Checked against another version, the answers' problems are noise:
	// the relations need the very version they were written for.
	if from != nil && l.Answers.Questionnaire.Version != "" && l.Answers.Questionnaire != from.Ref() {
		ref := l.Answers.Questionnaire
		if opts.questionnaire != "" {
			return cli.Failure("%s gjelder %s, men -q er %s; oppgi versjonen svarfilen er skrevet for", opts.path, ref, from.Ref())
		}
		return cli.Failure("%s gjelder %s, som ikke er innebygd i sirkel; oppgi den versjonen av skjemaet med -q FIL", opts.path, ref)
	}
	cli.PrintDiagnostics(s.Err, l.Diags)
	if !l.OK() {
		return cli.Failure("%s har feil; rett dem først. Ingenting er skrevet", opts.path)
	}
	to, err := migrationTarget(s, opts.to, from)
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
		return cli.Failure("kunne ikke skrive %s: %s", out, err)
	}
	printMigration(s.Err, opts.path, out, migrated, from, to, steps)
	return nil
}

// migrationTarget resolves --to: a bare version of the file's
// questionnaire, an embedded id or id@version, or a file; by default the
// newest embedded version. Only a newer version of the same questionnaire
// will do.
func migrationTarget(s *cli.Streams, arg string, from *assessment.Questionnaire) (*assessment.Questionnaire, error) {
	switch {
	case arg == "":
		if _, err := questionnaires.Get(from.ID); err != nil {
			return nil, cli.Usage("%s er ikke innebygd i sirkel; oppgi skjemaet svarene skal flyttes til med --to FIL", from.ID)
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
		return nil, cli.Usage("kan ikke flytte svar til %s fra %s: det er ulike spørreskjemaer", to.Ref(), from.Ref())
	case c < 0:
		return nil, cli.Usage("%s er eldre enn %s, som svarfilen gjelder; svar flyttes bare til en nyere versjon", to.Ref(), from.Ref())
	case c == 0:
		return nil, cli.Usage("svarfilen gjelder allerede %s; ingenting å flytte", from.Ref())
	}
	return to, nil
}

// printMigration lists what was done; answers kept as they were are
// counted, not listed, for they are most of them.
func printMigration(w io.Writer, in, out string, migrated *assessment.Answers, from, to *assessment.Questionnaire, steps []assessment.MigrationStep) {
	fmt.Fprintf(w, "Flyttet %s fra %s til %s:\n", in, from.Ref(), to.Ref())
	var kept, redo, left int
	for _, st := range steps {
		switch st.Kind {
		case assessment.ChangeKept:
			kept++
			continue
		case assessment.ChangeMerged, assessment.ChangeNotCarried:
			redo++
		}
		fmt.Fprintf(w, "  %s\n", st)
	}
	for _, id := range migrated.Answers.Order {
		if _, _, ok := to.Question(id); !ok {
			left++
		}
	}
	fmt.Fprintf(w, "  beholdt uendret: %s\n", plural(kept, "svar", "svar"))
	if out == cli.StdinName {
		out = "filen"
	} else {
		fmt.Fprintf(w, "Skrev %s.\n", out)
	}
	if redo > 0 {
		fmt.Fprintf(w, "%s må besvares på nytt; de gamle svarene står i kommentarene.\n", plural(redo, "spørsmål", "spørsmål"))
	}
	if left > 0 {
		fmt.Fprintf(w, "%s står nederst i %s, under spørsmål som ikke finnes i %s; vurder dem og slett dem (til da må filen leses med --ignore-unknown).\n",
			plural(left, "svar", "svar"), out, to.Version)
	}
}
