package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestChoose(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		flag, file string
		env        func(string) string
		want       Lang
	}{
		{"", "", env(), NB},
		{"nn", "", env(), NN},
		{"nb", "nn", env("SIRKEL_LANG", "nn"), NB},
		{"", "nn", env("SIRKEL_LANG", "nb"), NN},
		{"", "", env("SIRKEL_LANG", "nn", "LANG", "nb_NO.UTF-8"), NN},
		{"", "", env("LANG", "nn_NO.UTF-8"), NN},
		{"", "", env("LC_ALL", "nb_NO.UTF-8", "LANG", "nn_NO.UTF-8"), NB},
		{"", "", env("LC_MESSAGES", "nn_NO", "LANG", "en_US.UTF-8"), NN},
		{"", "", env("LANG", "C.UTF-8"), NB},
	} {
		if got := Choose(tc.flag, tc.file, tc.env); got != tc.want {
			t.Errorf("Choose(%q, %q, …) = %s, want %s", tc.flag, tc.file, got, tc.want)
		}
	}
}

func TestRender(t *testing.T) {
	if got := M("lang-unknown", "Value", "en").In(For(NN)); !strings.Contains(got, "ukjend målform «en»") {
		t.Errorf("nn: %q", got)
	}
	if _, err := ParseFlag("en"); err == nil || !strings.Contains(err.Error(), "ukjent målform «en»") {
		t.Errorf("ParseFlag(en) = %v", err)
	}
	if l, err := ParseFlag("nn"); l != NN || err != nil {
		t.Errorf("ParseFlag(nn) = %v, %v", l, err)
	}
}

// catalog reads every message of one language: id → the texts of its
// forms (one, other, or the plain text).
func catalog(t *testing.T, l Lang) map[string][]string {
	t.Helper()
	files, err := fs.Glob(catalogFiles, "catalog/*."+string(l)+".yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalogue for %s: %v", l, err)
	}
	out := map[string][]string{}
	for _, name := range files {
		data, _ := catalogFiles.ReadFile(name)
		var m map[string]any
		if err := yaml.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for id, v := range m {
			if _, dup := out[id]; dup {
				t.Errorf("%s: message %q is defined twice", name, id)
			}
			switch v := v.(type) {
			case string:
				out[id] = []string{v}
			case map[string]any:
				for _, form := range []string{"zero", "one", "two", "few", "many", "other"} {
					if s, ok := v[form].(string); ok {
						out[id] = append(out[id], s)
					}
				}
			}
		}
	}
	return out
}

var rePlaceholder = regexp.MustCompile(`\{\{\s*\.(\w+)`)

func placeholders(texts []string) []string {
	set := map[string]bool{}
	for _, s := range texts {
		for _, m := range rePlaceholder.FindAllStringSubmatch(s, -1) {
			set[m[1]] = true
		}
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestCataloguesAgree: every message exists in both written standards with
// the same placeholders, and the catalogue files come in pairs.
func TestCataloguesAgree(t *testing.T) {
	nb, nn := catalog(t, NB), catalog(t, NN)
	for id, texts := range nb {
		other, ok := nn[id]
		if !ok {
			t.Errorf("%s: in nb, missing in nn", id)
			continue
		}
		if a, b := placeholders(texts), placeholders(other); !slices.Equal(a, b) {
			t.Errorf("%s: placeholders nb %v, nn %v", id, a, b)
		}
	}
	for id := range nn {
		if _, ok := nb[id]; !ok {
			t.Errorf("%s: in nn, missing in nb", id)
		}
	}
}

// use is a message id passed to T or M, with the placeholder names given
// with it.
type use struct {
	id    string
	names []string
}

// messageIDs finds the literal ids passed to T and M in a Go file.
func messageIDs(t *testing.T, path string) []use {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []use
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		name := ""
		switch fn := call.Fun.(type) {
		case *ast.Ident:
			name = fn.Name
		case *ast.SelectorExpr:
			name = fn.Sel.Name
		}
		if name != "T" && name != "M" {
			return true
		}
		if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if id, err := strconv.Unquote(lit.Value); err == nil {
				u := use{id: id}
				for i := 1; i < len(call.Args); i += 2 {
					if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						name, _ := strconv.Unquote(lit.Value)
						u.names = append(u.names, name)
					}
				}
				ids = append(ids, u)
			}
		}
		return true
	})
	return ids
}

// TestEveryMessageUsedAndDefined: ids used in the code exist in the
// catalogues, each use gives every placeholder of its message (a missing
// one would print «<no value>»), and no message is left unused.
func TestEveryMessageUsedAndDefined(t *testing.T) {
	nb := catalog(t, NB)
	used := map[string]bool{}
	err := filepath.WalkDir(repoRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != repoRoot && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		for _, u := range messageIDs(t, p) {
			used[u.id] = true
			texts, ok := nb[u.id]
			if !ok {
				t.Errorf("%s: message %q is not in the catalogues", p, u.id)
				continue
			}
			for _, name := range placeholders(texts) {
				if !slices.Contains(u.names, name) {
					t.Errorf("%s: message %q is used without its placeholder %s", p, u.id, name)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for id := range nb {
		if !used[id] {
			t.Errorf("message %q is in the catalogues but not used", id)
		}
	}
}

// repoRoot is the module root, two folders up.
const repoRoot = "../.."

// converted lists the packages whose user-facing text comes from the
// catalogues only; their non-test code must hold no Norwegian text.
var converted = []string{
	"assessment",
	"assessment/lang",
	"assessment/register",
	"assessment/schema",
	"assessment/strictyaml",
	"cmd/sirkel",
	"cmd/sirkel/internal/batch",
	"cmd/sirkel/internal/cli",
	"cmd/sirkel/internal/lock",
	"cmd/sirkel/internal/session",
	"cmd/sirkel-synth",
	"questionnaires",
	"report",
	"report/outline",
	"report/scores",
	"report/sheet",
	"report/answersheet",
}

var (
	reNorwegianLetters = regexp.MustCompile(`[æøåÆØÅ]`)
	reNorwegianWords   = regexp.MustCompile(`(?i)\b(ikke|ikkje|og|er|som|skriv|finnes|mangler|ugyldig|filen|svar|svaret|svarene|kommune|kommunen|spørsmål|hva|kva|hvem|kven|hvordan|korleis|fra|frå|eller|med|for|til|av|den|det|ble|blir|har|kan|skal|ingen|alle)\b`)
)

// TestNoUserTextOutsideCatalogues scans the converted packages for string
// literals in Norwegian: user-facing text belongs in the catalogues, so
// that it exists in both written standards.
func TestNoUserTextOutsideCatalogues(t *testing.T) {
	for _, pkg := range converted {
		dir := filepath.Join(repoRoot, pkg)
		fset := token.NewFileSet()
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					return true
				}
				if reNorwegianLetters.MatchString(s) || len(reNorwegianWords.FindAllString(s, -1)) >= 2 {
					t.Errorf("%s: Norwegian text outside the catalogues: %q", fset.Position(lit.Pos()), s)
				}
				return true
			})
		}
	}
}
