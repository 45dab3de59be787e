// Command sirkel-synth writes synthetic answer files for tests and
// benchmarks: sirkel-synth -n 10000 -seed 1 DIR. It speaks bokmål or
// nynorsk as sirkel does without --lang: SIRKEL_LANG, else the locale.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/strictyaml"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/synth"
	"github.com/sirkel/sirkel/questionnaires"
)

func main() {
	p := lang.For(lang.Choose("", "", os.Getenv))
	fs := flag.NewFlagSet("sirkel-synth", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the usage and errors are said below, in p's language
	n := fs.Int("n", 100, p.T("synth-flag-n"))
	seed := fs.Uint64("seed", 1, p.T("synth-flag-seed"))
	qflag := fs.String("q", questionnaires.DefaultID, p.T("synth-flag-q"))
	rate := fs.Float64("rate", 0.9, p.T("synth-flag-rate"))
	usage := func() {
		fmt.Fprintln(os.Stderr, p.T("synth-usage"))
		fs.VisitAll(func(f *flag.Flag) {
			name, text := flag.UnquoteUsage(f)
			fmt.Fprintf(os.Stderr, "  -%s %s\n    \t%s %s\n", f.Name, name, text, p.T("synth-default", "Value", f.DefValue))
		})
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "sirkel-synth:", p.T("synth-bad-flags"))
		}
		usage()
		os.Exit(2)
	}
	if fs.NArg() != 1 {
		usage()
		os.Exit(2)
	}
	q, err := loadQuestionnaire(*qflag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sirkel-synth:", errorText(p, err))
		os.Exit(1)
	}
	dir := fs.Arg(0)
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
	fmt.Fprintln(os.Stderr, p.T("synth-wrote", "Count", *n, "Dir", dir))
}

// errorText is an error in p's language, when it comes from the
// catalogues.
func errorText(p *lang.Printer, err error) string {
	var (
		le *lang.Error
		ds assessment.Diagnostics
	)
	switch {
	case errors.As(err, &le):
		return le.Msg.In(p)
	case errors.As(err, &ds):
		return ds.Localize(p)
	}
	return err.Error()
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
