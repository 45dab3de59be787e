package main

import (
	"github.com/sirkel/sirkel/cmd/sirkel/internal/session"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/questionnaires"
	"github.com/spf13/cobra"
)

func newAssessCmd(s *cli.Streams) *cobra.Command {
	opts := &session.Options{}
	cmd := &cobra.Command{
		Use:     "assess [FIL]",
		Aliases: []string{"vurder"},
		Short:   "Svar på spørreskjemaet i terminalen; svarene lagres etter hvert svar",
		Long: `Går gjennom spørreskjemaet område for område og lagrer svarfilen etter hvert
svar. FIL er som standard svar-<kommunenummer>.yaml. Finnes filen, fortsetter
du der du slapp: spørsmål som er besvart hoppes over (--review går gjennom dem
igjen). Ctrl-C tar pause; svarene er lagret, og avslutningskoden er 130.

Med --accessible (eller ACCESSIBLE=1, eller når standard inn ikke er en
terminal) stilles spørsmålene som enkle nummererte ledetekster som fungerer med
skjermleser og med svar fra en fil eller et rør, én linje per svar (svaret,
kommentaren og, når spørsmålet er besvart, dokumentasjonen). Slutt på inndata
betyr stopp og lagre.

Flere kan svare i samme fil samtidig, for eksempel hver på sitt område: hver
lagring leser filen på nytt og legger bare inn det du har endret, under en
låsefil ved siden av svarfilen (.FIL.lock). Endringer gjort for hånd i filen
beholdes. Svarer to på samme spørsmål, gjelder det siste svaret, og det forrige
står i kommentaren.`,
		Example: `  sirkel assess
  sirkel assess svar-3440.yaml --area bygg --respondent "Ola Nordmann" --role Byggesak
  sirkel assess --municipality 3440 --accessible < svar.txt`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return cli.Usage("forventet høyst én svarfil (fikk %d argumenter)", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			return session.Run(cmd.Context(), s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Questionnaire, "questionnaire", "q", "", "spørreskjema (innebygd id eller fil); standard: det svarfilen oppgir, ellers ks-sirkulaer")
	f.StringArrayVar(&opts.Areas, "area", nil, "svar bare på dette tiltaksområdet (id, kan gjentas)")
	f.StringVarP(&opts.Municipality, "municipality", "m", "", "kommunenummer (eller navn) i stedet for å velge kommunen")
	f.StringVar(&opts.Respondent, "respondent", "", "navnet ditt, i stedet for å bli spurt")
	f.StringVar(&opts.Role, "role", "", "rollen din, for eksempel klimarådgiver")
	f.BoolVar(&opts.Accessible, "accessible", false, "enkle nummererte ledetekster (skjermleser, svar fra fil)")
	f.BoolVar(&opts.Force, "force", false, "begynn på nytt og overskriv FIL selv om den finnes")
	f.BoolVar(&opts.Review, "review", false, "gå også gjennom spørsmål som er besvart, med svaret forhåndsvalgt")
	f.BoolVar(&opts.Schema, "schema", false, "skriv også JSON Schema ved siden av svarfilen, og pek på det fra filen (hjelp i editoren)")
	_ = cmd.RegisterFlagCompletionFunc("area", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		e, err := questionnaires.Get(questionnaires.DefaultID)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var ids []string
		for _, a := range e.Questionnaire.Areas {
			ids = append(ids, a.ID+"\t"+a.Name.String())
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}
