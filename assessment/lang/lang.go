// Package lang is how sirkel speaks: the two written standards, bokmål
// (nb) and nynorsk (nn), how one is chosen, and the message catalogues
// every user-facing sentence comes from. A message has an English id and a
// text per language with named placeholders ({{.File}}); plural forms
// follow the CLDR rules of go-i18n, so «1 fil», «2 filer» need no
// hand-written plural helper.
package lang

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// Lang is a written standard.
type Lang string

// The written standards sirkel writes.
const (
	NB Lang = "nb" // bokmål, the default
	NN Lang = "nn" // nynorsk
)

// Parse reads «nb» or «nn», also as a locale such as nn_NO.UTF-8.
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "nb" || strings.HasPrefix(s, "nb_") || strings.HasPrefix(s, "nb-") || s == "no" || strings.HasPrefix(s, "no_"):
		return NB, true
	case s == "nn" || strings.HasPrefix(s, "nn_") || strings.HasPrefix(s, "nn-"):
		return NN, true
	}
	return "", false
}

// ParseFlag reads the --lang flag: empty means not given.
func ParseFlag(s string) (Lang, error) {
	if s == "" {
		return "", nil
	}
	l, ok := Parse(s)
	if !ok || strings.ContainsAny(s, "_-.") {
		return "", errors.New(M("lang-unknown", "Value", s).String())
	}
	return l, nil
}

// Choose picks the language, first to last: the --lang flag, the answers
// file's «language», SIRKEL_LANG, a locale (LC_ALL, LC_MESSAGES, LANG)
// starting with nn; else bokmål. Values that name no language are passed
// over, except the flag, which the caller checks with Parse first.
func Choose(flag, file string, getenv func(string) string) Lang {
	for _, v := range []string{flag, file, getenv("SIRKEL_LANG")} {
		if l, ok := Parse(v); ok {
			return l
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if l, ok := Parse(v); ok && l == NN {
				return NN
			}
			return NB // the first locale variable set decides, as in POSIX
		}
	}
	return NB
}

//go:embed catalog/*.yaml
var catalogFiles embed.FS

// bundle is parsed once from the embedded catalogues: fixed data, like
// the municipality register.
var bundle = sync.OnceValues(func() (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.MustParse("nb"))
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	names, err := fs.Glob(catalogFiles, "catalog/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		data, err := catalogFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if _, err := b.ParseMessageFileBytes(data, path.Base(name)); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return b, nil
})

// Printer renders messages in one language.
type Printer struct {
	lang Lang
	loc  *i18n.Localizer
}

// printers are made once: one per language.
var printers = sync.OnceValue(func() map[Lang]*Printer {
	b, err := bundle()
	if err != nil {
		// The catalogues are embedded and tested; broken ones are a bug in
		// the build, not an input error.
		panic("lang: the embedded catalogues are broken: " + err.Error())
	}
	return map[Lang]*Printer{
		NB: {lang: NB, loc: i18n.NewLocalizer(b, string(NB))},
		NN: {lang: NN, loc: i18n.NewLocalizer(b, string(NN))},
	}
})

// For returns the printer of a language; an unknown one is bokmål.
func For(l Lang) *Printer {
	if l != NN {
		l = NB
	}
	return printers()[l]
}

// Lang is the printer's language.
func (p *Printer) Lang() Lang { return p.lang }

// Localized is a value that renders itself in the printer's language when
// it is a placeholder's value: a Msg, a questionnaire text, a list of them.
type Localized interface {
	Localize(p *Printer) string
}

// T renders message id with its placeholders given as name, value pairs:
// T("file-unreadable", "File", path). A count named «Count» selects the
// plural form; Localized values are rendered in p's language.
func (p *Printer) T(id string, args ...any) string {
	data := make(map[string]any, len(args)/2)
	var count any
	for i := 0; i+1 < len(args); i += 2 {
		k, _ := args[i].(string)
		v := args[i+1]
		if l, ok := v.(Localized); ok {
			v = l.Localize(p)
		}
		data[k] = v
		if k == "Count" {
			count = v
		}
	}
	s, err := p.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil {
		// A missing message is a bug the catalogue tests catch; show the
		// id rather than nothing.
		return id
	}
	return s
}

// Msg is a message not yet rendered: diagnostics are made before the
// language of the output is known, and rendered when printed.
type Msg struct {
	ID   string
	Args []any
}

// M makes a Msg.
func M(id string, args ...any) Msg { return Msg{ID: id, Args: args} }

// In renders the message with p; the zero Msg, an optional part left out
// (no «mente du …?»), renders as nothing.
func (m Msg) In(p *Printer) string {
	if m.ID == "" {
		return ""
	}
	return p.T(m.ID, m.Args...)
}

// Localize renders the message with p, when it is another message's
// placeholder.
func (m Msg) Localize(p *Printer) string { return m.In(p) }

// List is values joined by «, » in the printer's language.
type List []any

// Localize renders each value and joins them.
func (l List) Localize(p *Printer) string {
	parts := make([]string, len(l))
	for i, v := range l {
		if lv, ok := v.(Localized); ok {
			parts[i] = lv.Localize(p)
		} else {
			parts[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(parts, ", ")
}

// String renders the message in bokmål; the zero Msg is "" without
// touching the catalogues.
func (m Msg) String() string {
	if m.ID == "" {
		return ""
	}
	return m.In(For(NB))
}

// Error is a message that is an error: Error() is bokmål, and a caller
// that knows the output's language finds it with errors.As and renders Msg.
type Error struct{ Msg Msg }

// NewError makes an error of a message.
func NewError(m Msg) error { return &Error{Msg: m} }

// Error is the message in bokmål.
func (e *Error) Error() string { return e.Msg.String() }

// Func is a placeholder value built from other localized parts when it is
// rendered (a scale with its labels in the printer's language).
type Func func(p *Printer) string

// Localize calls f with p.
func (f Func) Localize(p *Printer) string { return f(p) }
