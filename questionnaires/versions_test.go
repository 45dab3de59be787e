package questionnaires

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sirkel/sirkel/assessment"
)

// fixtureRegistry embeds the versions fixture (2026.1, 2026.2) plus a
// 2026.10, so that versions are seen to compare by number.
func fixtureRegistry(t *testing.T) *registry {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, path := range map[string]string{"versjonstest-2026.1.yaml": "v1.yaml", "versjonstest-2026.2.yaml": "v2.yaml"} {
		data, err := os.ReadFile("../testdata/versions/" + path)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	v10 := strings.Replace(string(fsys["versjonstest-2026.2.yaml"].Data), `version: "2026.2"`, `version: "2026.10"`, 1)
	fsys["versjonstest-2026.10.yaml"] = &fstest.MapFile{Data: []byte(v10)}
	r := newRegistry(fsys)
	if r.err != nil {
		t.Fatal(r.err)
	}
	return r
}

func TestRegistryVersions(t *testing.T) {
	r := fixtureRegistry(t)
	var refs []string
	for _, e := range r.entries {
		refs = append(refs, e.Ref().String())
	}
	if got, want := strings.Join(refs, " "), "versjonstest@2026.10 versjonstest@2026.2 versjonstest@2026.1"; got != want {
		t.Errorf("entries = %s, want %s", got, want)
	}
	for ref, want := range map[string]string{
		"versjonstest":         "2026.10",
		"versjonstest@":        "2026.10",
		"versjonstest@2026.1":  "2026.1",
		"versjonstest@2026.2":  "2026.2",
		"versjonstest@2026.10": "2026.10",
	} {
		e, err := r.get(assessment.ParseRef(ref))
		if err != nil || e.Questionnaire.Version != want {
			t.Errorf("get(%s) = %v, %v; want version %s", ref, e, err, want)
		}
	}
	_, err := r.get(assessment.ParseRef("versjonstest@2030.1"))
	if want := "spørreskjemaet «versjonstest» finnes ikke i versjon «2030.1» i denne utgaven av sirkel; innebygde versjoner: versjonstest@2026.10, versjonstest@2026.2, versjonstest@2026.1 (eller oppgi en fil)"; err == nil || err.Error() != want {
		t.Errorf("unknown version: %v\nwant %s", err, want)
	}
	_, err = r.get(assessment.ParseRef("annet@1"))
	if err == nil || !strings.HasPrefix(err.Error(), "ukjent spørreskjema «annet»; innebygde skjemaer: versjonstest@2026.10,") {
		t.Errorf("unknown id: %v", err)
	}
}

func TestRegistryDuplicateVersion(t *testing.T) {
	data, err := os.ReadFile("../testdata/versions/v1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := newRegistry(fstest.MapFS{"a.yaml": {Data: data}, "b.yaml": {Data: data}})
	if r.err == nil || !strings.Contains(r.err.Error(), "a.yaml og b.yaml er begge versjonstest@2026.1") {
		t.Errorf("err = %v", r.err)
	}
}

// TestMatch: answers get the version they name when it is embedded, else
// the newest.
func TestMatch(t *testing.T) {
	e, err := Match(assessment.QuestionnaireRef{ID: DefaultID, Version: "2026.1"})
	if err != nil || e.Questionnaire.Version != "2026.1" {
		t.Errorf("Match(2026.1) = %v, %v", e, err)
	}
	newest, _ := Get(DefaultID)
	e, err = Match(assessment.QuestionnaireRef{ID: DefaultID, Version: "1999.1"})
	if err != nil || e != newest {
		t.Errorf("Match(not embedded) = %v, %v; want the newest", e, err)
	}
	if _, err := Match(assessment.QuestionnaireRef{ID: "finnes-ikke", Version: "1"}); err == nil || !strings.Contains(err.Error(), "ukjent spørreskjema «finnes-ikke»") {
		t.Errorf("Match(unknown id) = %v", err)
	}
}

// TestEmbeddedFiles: each embedded file is named ID-VERSION.yaml, and each
// version's «replaces» names questions of the version before it.
func TestEmbeddedFiles(t *testing.T) {
	entries, err := List()
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range entries {
		if want := e.Questionnaire.ID + "-" + e.Questionnaire.Version + ".yaml"; e.File != want {
			t.Errorf("%s holds %s; name it %s", e.File, e.Ref(), want)
		}
		if i+1 < len(entries) && entries[i+1].Questionnaire.ID == e.Questionnaire.ID {
			for _, w := range assessment.Relate(entries[i+1].Questionnaire, e.Questionnaire).Warnings {
				t.Errorf("%s: %s", e.File, w)
			}
		}
	}
}

// TestFixtureReplaces: the check above finds a «replaces» id that the
// previous version does not have.
func TestFixtureReplaces(t *testing.T) {
	r := fixtureRegistry(t)
	vs := r.versions("versjonstest")
	ws := assessment.Relate(vs[2].Questionnaire, vs[1].Questionnaire).Warnings
	if len(ws) != 1 || !strings.Contains(ws[0], "«styring-anskaffelse»") {
		t.Errorf("warnings = %v", ws)
	}
}
