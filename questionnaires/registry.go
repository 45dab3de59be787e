// Package questionnaires holds the questionnaires embedded in sirkel and a
// registry to find them by id and version.
//
// Every published version of a questionnaire stays embedded, one file per
// version named ID-VERSION.yaml, so that an answers file can always be
// read against the version it was written for. A bare id means the newest
// version; id@version means exactly that one.
package questionnaires

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// DefaultID is the questionnaire used when nothing else is named.
const DefaultID = "ks-sirkulaer"

//go:embed *.yaml
var files embed.FS

// Entry is one embedded version of a questionnaire.
type Entry struct {
	File          string
	Source        []byte
	Questionnaire *assessment.Questionnaire
}

// Ref is the entry's id@version.
func (e *Entry) Ref() assessment.QuestionnaireRef { return e.Questionnaire.Ref() }

type registry struct {
	entries []Entry // by id, then newest version first
	err     error
}

// load parses every embedded questionnaire once, on first use, so that
// commands which need none start instantly.
var load = sync.OnceValue(func() *registry { return newRegistry(files) })

func newRegistry(fsys fs.FS) *registry {
	r := &registry{}
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		r.err = err
		return r
	}
	seen := map[assessment.QuestionnaireRef]string{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			r.err = err
			return r
		}
		q, ds := assessment.ParseQuestionnaire(lang.M("registry-embedded-file", "File", name).String(), data)
		if ds.HasErrors() {
			r.err = lang.NewError(lang.M("registry-invalid", "File", name, "Errors", ds.Errors()))
			return r
		}
		if other, dup := seen[q.Ref()]; dup {
			r.err = lang.NewError(lang.M("registry-duplicate", "First", other, "Second", name, "Ref", q.Ref().String()))
			return r
		}
		seen[q.Ref()] = name
		r.entries = append(r.entries, Entry{File: name, Source: data, Questionnaire: q})
	}
	slices.SortFunc(r.entries, func(a, b Entry) int {
		if c := strings.Compare(a.Questionnaire.ID, b.Questionnaire.ID); c != 0 {
			return c
		}
		return -assessment.CompareVersions(a.Questionnaire.Version, b.Questionnaire.Version)
	})
	return r
}

// List returns every embedded version, sorted by id and newest first.
func List() ([]Entry, error) {
	r := load()
	return r.entries, r.err
}

// Get returns the embedded questionnaire named by «id» (its newest
// version) or «id@version» (exactly that version).
func Get(ref string) (*Entry, error) { return load().get(assessment.ParseRef(ref)) }

// Match returns the version an answers file names when it is embedded,
// else the newest version of its id; Answers.Check warns about the
// difference.
func Match(ref assessment.QuestionnaireRef) (*Entry, error) {
	r := load()
	if e, err := r.get(ref); err == nil || ref.Version == "" {
		return e, err
	}
	return r.get(assessment.QuestionnaireRef{ID: ref.ID})
}

// Versions returns the embedded versions of one id, newest first.
func Versions(id string) ([]Entry, error) {
	r := load()
	if r.err != nil {
		return nil, r.err
	}
	return r.versions(id), nil
}

func (r *registry) versions(id string) []Entry {
	var out []Entry
	for _, e := range r.entries {
		if e.Questionnaire.ID == id {
			out = append(out, e)
		}
	}
	return out
}

func (r *registry) get(ref assessment.QuestionnaireRef) (*Entry, error) {
	if r.err != nil {
		return nil, r.err
	}
	for i := range r.entries {
		e := &r.entries[i]
		if e.Questionnaire.ID == ref.ID && (ref.Version == "" || e.Questionnaire.Version == ref.Version) {
			return e, nil // the first of an id is its newest
		}
	}
	if vs := r.versions(ref.ID); len(vs) > 0 {
		return nil, lang.NewError(lang.M("registry-no-such-version", "ID", ref.ID, "Version", ref.Version, "Refs", refList(vs)))
	}
	return nil, lang.NewError(lang.M("registry-unknown", "ID", ref.ID, "Refs", refList(r.entries)))
}

// refList names entries as id@version, the forms Get accepts.
func refList(entries []Entry) string {
	refs := make([]string, len(entries))
	for i := range entries {
		refs[i] = entries[i].Ref().String()
	}
	return strings.Join(refs, ", ")
}
