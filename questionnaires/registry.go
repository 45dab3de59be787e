// Package questionnaires holds the questionnaires embedded in sirkel and a
// registry to find them by id.
package questionnaires

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/sirkel/sirkel/assessment"
)

// DefaultID is the questionnaire used when nothing else is named.
const DefaultID = "ks-sirkulaer"

//go:embed *.yaml
var files embed.FS

// Entry is an embedded questionnaire.
type Entry struct {
	File          string
	Source        []byte
	Questionnaire *assessment.Questionnaire
}

type registry struct {
	entries []Entry
	err     error
}

// load parses every embedded questionnaire once, on first use, so that
// commands which need none start instantly.
var load = sync.OnceValue(func() *registry {
	r := &registry{}
	names, err := fs.Glob(files, "*.yaml")
	if err != nil {
		r.err = err
		return r
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			r.err = err
			return r
		}
		q, ds := assessment.ParseQuestionnaire("(innebygd) "+name, data)
		if ds.HasErrors() {
			r.err = fmt.Errorf("det innebygde spørreskjemaet %s er ugyldig:\n%s", name, ds.Errors().Error())
			return r
		}
		r.entries = append(r.entries, Entry{File: name, Source: data, Questionnaire: q})
	}
	return r
})

// List returns the embedded questionnaires sorted by id.
func List() ([]Entry, error) {
	r := load()
	return r.entries, r.err
}

// Get returns the embedded questionnaire with the given id.
func Get(id string) (*Entry, error) {
	r := load()
	if r.err != nil {
		return nil, r.err
	}
	ids := make([]string, 0, len(r.entries))
	for i := range r.entries {
		if r.entries[i].Questionnaire.ID == id {
			return &r.entries[i], nil
		}
		ids = append(ids, r.entries[i].Questionnaire.ID)
	}
	return nil, fmt.Errorf("ukjent spørreskjema «%s»; innebygde skjemaer: %s (eller oppgi en fil)", id, strings.Join(ids, ", "))
}
