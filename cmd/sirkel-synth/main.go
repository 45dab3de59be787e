// Command sirkel-synth writes synthetic answer files for tests and
// benchmarks: sirkel-synth -n 10000 -seed 1 DIR.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sirkel/sirkel/assessment/strictyaml"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/synth"
	"github.com/sirkel/sirkel/questionnaires"
)

func main() {
	n := flag.Int("n", 100, "antall svarfiler")
	seed := flag.Uint64("seed", 1, "frø for tilfeldige svar (samme frø gir samme filer)")
	qflag := flag.String("q", questionnaires.DefaultID, "spørreskjema (innebygd id eller fil)")
	rate := flag.Float64("rate", 0.9, "andel spørsmål som besvares")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "Bruk: sirkel-synth [-n N] [-seed S] [-q ID|FIL] [-rate R] MAPPE")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	q, err := loadQuestionnaire(*qflag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sirkel-synth:", err)
		os.Exit(1)
	}
	dir := flag.Arg(0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "sirkel-synth:", err)
		os.Exit(1)
	}
	for i := range *n {
		name := filepath.Join(dir, fmt.Sprintf("svar-%05d.yaml", i))
		if err := os.WriteFile(name, synth.File(q, synth.Options{Seed: *seed, AnswerRate: *rate}, i), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "sirkel-synth:", err)
			os.Exit(1)
		}
	}
	fmt.Fprintf(os.Stderr, "skrev %d svarfiler til %s\n", *n, dir)
}

func loadQuestionnaire(name string) (*assessment.Questionnaire, error) {
	if e, err := questionnaires.Get(name); err == nil {
		return e.Questionnaire, nil
	}
	data, err := strictyaml.ReadFile(name)
	if err != nil {
		return nil, err
	}
	q, ds := assessment.ParseQuestionnaire(name, data)
	if ds.HasErrors() {
		return nil, ds.Errors()
	}
	return q, nil
}
