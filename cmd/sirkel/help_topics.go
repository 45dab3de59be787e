package main

import "github.com/spf13/cobra"

// helpTopics are «sirkel help formats» and «sirkel help scoring»: the file
// formats and the scoring rules, for users, in the tool itself.
func helpTopics() []*cobra.Command {
	return []*cobra.Command{
		{Use: "formats", Aliases: []string{"formater", "filformater"}, Short: "Filformatene: spørreskjema og svarfil", Long: helpFormats},
		{Use: "scoring", Aliases: []string{"skaaring", "skåring"}, Short: "Slik regnes skårer, dekning og gap ut", Long: helpScoring},
	}
}

const helpFormats = `Filformatene

sirkel leser to slags YAML-filer, som sier hva de er med «kind:» øverst.
Lesingen er streng: ukjente og doble nøkler, tabulator som innrykk, feil
tegnkoding, tomme filer, filer over 5 MiB og aliasbomber gir en norsk
feilmelding med fil:linje:kolonne. «sirkel schema questionnaire|answers» gir
formatene som JSON Schema for editoren. Hva «sirkel score» skriver (table,
json, csv, csv-regneark), står i «sirkel score --help».

SVARFIL (kind: answers)

  kind: answers
  questionnaire: {id: ks-sirkulaer, version: "2026.1"}
  municipality: {name: Øyer, number: "3440"}
  respondents: [{name: Kari Nordbø, role: Klimarådgiver, email: kari@oyer.kommune.no}]
  date: 2026-11-20
  targets: {bygg: 4}        # valgfritt: kommunens eget mål per område (en skalaverdi)
  answers:
    styring-temaplan: 3                   # skala: verdien (3) eller navnet (Etablert)
    styring-budsjettskriv: {value: 2, comment: Vedtatt i økonomiplan 2026–2029}
    transport-deling: ja                  # ja/nei (også true/false)
    mat-svinn-tiltak: [kantine, skole]    # flervalg: alternativenes id-er
    avfall-sortering-andel: 42,5          # tall: desimalkomma eller -punktum
    skog-egen-skog: na                    # «ikke relevant», der spørsmålet tillater det
    naering-symbiose: vet-ikke            # ingen visste svaret

Påkrevd: kind, questionnaire (id og version), municipality (name og number),
date og answers (kan være tom: «answers: {}»). Kommunenummeret har fire
sifre og fylkesnummeret to; skriv det i anførselstegn, så nullen foran blir
med ("0301"). Et svar kan også stå i lang form {value, comment}. Et
ubesvart spørsmål kan stå uten verdi, eller kommentert ut («# id:»).
Svar leses likt fra YAML-filer, utfylte svarskjemaer (.xlsx fra «sirkel
template») og i «sirkel assess»: en skalaverdi kan skrives som tall eller
navn, et alternativ som id eller navn, et tall med komma eller punktum og
mellomrom mellom tusener, og «ikke relevant»/«na» og «vet ikke»/«vet-ikke» på
samme måte overalt. Et svar til et spørsmål som ikke finnes, er en feil med
forslag («mente du …?»); --ignore-unknown gjør det til en advarsel.

SPØRRESKJEMA (kind: questionnaire)

  kind: questionnaire
  id: mitt-skjema              # små bokstaver, sifre og bindestrek
  version: "1"
  title: Sirkulær økonomi i kommunen
  scale:                       # stigende verdier
    - {value: 0, label: Ikke startet}
    - {value: 4, label: Systematisk og evaluert}
  default_target: 3            # målet for spørsmål som ikke har eget
  levels:                      # modenhetsnivåer: stigende «min», den første 0
    - {min: 0, name: Startfase}
    - {min: 60, name: Integrert}
  min_coverage: 0.5            # valgfritt: dekning under dette gjør skåren usikker
  steps: [{id: 1, name: Helhetlig temaplan}]
  tiers: [{id: I, name: Effektivisering}]
  plans:                       # planverket, i rekkefølgen i plansyklusen
    - {id: okonomiplan, name: Handlingsdel med økonomiplan, kind: okonomi,
       law: "kommuneloven § 14-4", decided_by: kommunestyret,
       cycle: {rule: yearly, month: 12, lead_months: 6}}
    - {id: temaplan-avfall, name: Avfallsplan, parent: temaplan}
  areas:
    - id: styring
      name: Styring og ledelse
      weight: 1                # valgfritt, standard 1
      allow_na: false          # valgfritt: kan spørsmålene besvares «ikke relevant»
      questions:
        - id: styring-plan
          text: Har kommunen en vedtatt plan?
          help: Hva som teller som Planlagt, Påbegynt, Etablert …
          type: scale          # scale, yesno, choice, multi, number eller text
          step: 1              # trinn og/eller tiltaksnivå (påkrevd for skårede spørsmål)
          tier: I
          plans: [okonomiplan] # der et gap hører hjemme
          action: Vedta en plan.
          replaces: [gammel-id] # spørsmål i forrige versjon dette erstatter

choice og multi har «options: [{id, label, score}]» med poeng 0–1 (det beste
alternativet i choice gir 1; i multi må summen bli minst 1). number har
«scoring: {worst, best}» og kan ha «min» og «max». En plans «cycle» er
yearly (vedtas hvert år i «month»), election (én gang per valgperiode, i
«month» året etter kommunevalget) eller decided (når planstrategien sier
det). «sirkel questionnaire export ks-sirkulaer» viser et fullstendig skjema
som utgangspunkt for et eget, og «sirkel validate» sjekker det.
`

const helpScoring = `Skåring

Hvert besvarte, relevante spørsmål får en normalisert verdi n mellom 0 og 1:

  skala      (verdi − laveste) / (høyeste − laveste) på skalaen
  ja/nei     ja = 1, nei = 0
  choice     poengene til alternativet som er valgt
  multi      summen av poengene til de valgte alternativene, høyst 1
  tall       (x − verst) / (best − verst), avgrenset til 0–1

Skåren for et sett spørsmål (et område, et trinn, et tiltaksnivå, en celle
område × trinn eller område × nivå) er 100 × det vektede snittet av n over
de besvarte spørsmålene. Totalskåren er det vektede snittet av områdenes
skårer, slik at hvert område teller med sin vekt uansett hvor mange
spørsmål det har. Dekning er andelen relevante spørsmål som er besvart.
En skår uten besvarte spørsmål er udefinert og vises som «–» (JSON null),
aldri som 0.

«Ikke relevant» (na) tas ut av både teller og nevner. «Vet ikke» teller som
ubesvart, gir ikke gap, og listes for seg: å ikke vite er et funn i seg selv.

Målet for et skalaspørsmål er områdets mål i svarfilen (targets), ellers
spørsmålets eget, ellers skjemaets standardmål (i ks-sirkulaer «Etablert»).
For andre spørsmålstyper er målet en andel mellom 0 og 1. Gapet er
målet minus n (aldri under 0), og prioriteten er gapet ganget med
spørsmålets vekt. Tiltakene står i prioritert rekkefølge, og hvert gap hører
hjemme i spørsmålets planer (eller områdets).

Modenhetsnivået er nivået med størst «min» som er mindre enn eller lik
skåren. Tabeller og rapporten viser én desimal; JSON har tallene uavrundet.
`
