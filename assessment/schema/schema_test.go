package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// compileSchema compiles a schema as an editor would read it: from JSON.
func compileSchema(t *testing.T, s Schema) *jsonschema.Schema {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s); err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("not a valid JSON Schema: %v", err)
	}
	return sch
}

// yamlInstance reads YAML into JSON values as a YAML 1.2 language server
// does: a date stays a string.
func yamlInstance(t *testing.T, src []byte) any {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(yamlNodeValue(root.Content[0]))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func yamlNodeValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.AliasNode:
		return yamlNodeValue(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = yamlNodeValue(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			s[i] = yamlNodeValue(c)
		}
		return s
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		b, _ := strconv.ParseBool(n.Value)
		return b
	case "!!int", "!!float":
		f, _ := strconv.ParseFloat(n.Value, 64)
		return f
	}
	return n.Value
}

func readSchemaFixture(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestQuestionnaireSchemaValidatesQuestionnaires(t *testing.T) {
	sch := compileSchema(t, ForQuestionnaires(lang.For(lang.NB)))
	for _, path := range []string{"../../questionnaires/ks-sirkulaer-2026.1.yaml", "../../testdata/mini-questionnaire.yaml"} {
		if err := sch.Validate(yamlInstance(t, readSchemaFixture(t, path))); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
	bad := []string{
		"kind: questionnaire\nid: Bad Id\nversion: '1'\ntitle: x\nscale: [{value: 0, label: a}, {value: 1, label: b}]\ndefault_target: 1\nlevels: [{min: 0, name: x}]\nareas: [{id: a, name: A, questions: [{id: q, text: Q}]}]\n",
		"kind: questionnaire\nid: x\nversion: '1'\ntitle: x\nscale: [{value: 0, label: a}]\ndefault_target: 1\nlevels: [{min: 0, name: x}]\nareas: [{id: a, name: A, questions: [{id: q, text: Q}]}]\n",
		"kind: questionnaire\nid: x\nversion: '1'\ntitle: {nn: x}\nscale: [{value: 0, label: a}, {value: 1, label: b}]\ndefault_target: 1\nlevels: [{min: 0, name: x}]\nareas: [{id: a, name: A, questions: [{id: q, text: Q, colour: red}]}]\n",
	}
	for _, src := range bad {
		if err := sch.Validate(yamlInstance(t, []byte(src))); err == nil {
			t.Errorf("schema accepts a bad questionnaire:\n%s", src)
		}
	}
}

// TestQuestionnaireSchemaKnowsEveryField keeps the hand-written schema in
// step with the Go types that decode questionnaires.
func TestQuestionnaireSchemaKnowsEveryField(t *testing.T) {
	s := ForQuestionnaires(lang.For(lang.NB))
	defs := s["$defs"].(Schema)
	props := func(x Schema) Schema { return x["properties"].(Schema) }
	items := func(x Schema) Schema { return x["items"].(Schema) }
	top := props(s)
	for typ, fields := range map[reflect.Type]Schema{
		reflect.TypeFor[assessment.Questionnaire](): top,
		reflect.TypeFor[assessment.Area]():          props(defs["area"].(Schema)),
		reflect.TypeFor[assessment.Question]():      props(defs["question"].(Schema)),
		reflect.TypeFor[assessment.Option]():        props(items(props(defs["question"].(Schema))["options"].(Schema))),
		reflect.TypeFor[assessment.ScalePoint]():    props(items(top["scale"].(Schema))),
		reflect.TypeFor[assessment.Level]():         props(items(top["levels"].(Schema))),
		reflect.TypeFor[assessment.Example]():       props(items(top["examples"].(Schema))),
		reflect.TypeFor[assessment.Plan]():          props(items(top["plans"].(Schema))),
		reflect.TypeFor[assessment.Cycle]():         props(props(items(top["plans"].(Schema)))["cycle"].(Schema)),
	} {
		for _, f := range reflect.VisibleFields(typ) {
			name := strings.Split(f.Tag.Get("yaml"), ",")[0]
			if name == "" || name == "-" {
				continue
			}
			if _, ok := fields[name]; !ok {
				t.Errorf("%s.%s: the schema has no property %q", typ.Name(), f.Name, name)
			}
		}
		if len(fields) != countYAMLFields(typ) {
			t.Errorf("%s: the schema has %d properties, the type %d fields", typ.Name(), len(fields), countYAMLFields(typ))
		}
	}
}

func countYAMLFields(typ reflect.Type) int {
	n := 0
	for _, f := range reflect.VisibleFields(typ) {
		if name := strings.Split(f.Tag.Get("yaml"), ",")[0]; name != "" && name != "-" {
			n++
		}
	}
	return n
}

func TestAnswersSchemaValidatesExamples(t *testing.T) {
	ks, ds := assessment.ParseQuestionnaire("ks-sirkulaer.yaml", readSchemaFixture(t, "../../questionnaires/ks-sirkulaer-2026.1.yaml"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	sch := compileSchema(t, ForAnswers(lang.For(lang.NB), ks))
	for _, path := range []string{"../../testdata/oyer-3440.yaml", "../../testdata/partial-3440.yaml"} {
		if err := sch.Validate(yamlInstance(t, readSchemaFixture(t, path))); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}

func TestAnswersSchemaKnowsTheQuestions(t *testing.T) {
	mini, ds := assessment.ParseQuestionnaire("mini.yaml", readSchemaFixture(t, "../../testdata/mini-questionnaire.yaml"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	sch := compileSchema(t, ForAnswers(lang.For(lang.NB), mini))
	head := "kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-20\n"
	good := []string{
		"answers: {}",
		"answers:\n  styring-plan: 3\n  styring-budsjett: ja\n  styring-merknad: Fint\n  bygg-ombruk: 42.5\n  bygg-krav: [kartlegging, lcc]\n  bygg-rolle: paadriver\n",
		"answers:\n  styring-plan: {value: 2, comment: Vedtatt}\n  bygg-ombruk: na\n  bygg-rolle: na\n  bygg-krav: {comment: Vet ikke ennå}\n",
		"answers:\n  styring-plan:\n  styring-budsjett: false\n",
		"targets: {bygg: 4}\nanswers: {}",
		"plans:\n  planstrategi: {adopted: 2024-06-15, next: 2028-10, status: Vedtatt}\n  okonomiplan: {adopted: 2025, next: 2027}\nanswers: {}",
	}
	for _, src := range good {
		if err := sch.Validate(yamlInstance(t, []byte(head+src))); err != nil {
			t.Errorf("schema rejects valid answers:\n%s\n%v", src, err)
		}
	}
	bad := []string{
		"answers:\n  styring-plan: 7\n",           // not on the scale
		"answers:\n  styring-plan: na\n",          // na not allowed here
		"answers:\n  styring-pla: 3\n",            // unknown question
		"answers:\n  bygg-rolle: ingen-idé\n",     // unknown option
		"answers:\n  bygg-krav: [lcc, lcc]\n",     // an option twice
		"answers:\n  bygg-ombruk: mye\n",          // not a number
		"answers:\n  styring-budsjett: kanskje\n", // not yes/no
		"answers:\n  styring-plan: {value: 3, note: x}\n",
		"targets: {bygg: 3.5}\nanswers: {}",
		"targets: {transport: 3}\nanswers: {}",
		"plans: {okonomplan: {next: 2027}}\nanswers: {}",     // unknown plan
		"plans: {okonomiplan: {next: 2027-13}}\nanswers: {}", // no such month
		"plans: {okonomiplan: {next: 2027-06-15}}\nanswers: {}",
		"plans: {okonomiplan: {nxt: 2027}}\nanswers: {}",
	}
	for _, src := range bad {
		if err := sch.Validate(yamlInstance(t, []byte(head+src))); err == nil {
			t.Errorf("schema accepts invalid answers:\n%s", src)
		}
	}
	if err := sch.Validate(yamlInstance(t, []byte(strings.Replace(head, `"3440"`, "3440x", 1)+"answers: {}"))); err == nil {
		t.Error("schema accepts a bad kommunenummer")
	}
}

func TestSchemaFileName(t *testing.T) {
	for ref, want := range map[assessment.QuestionnaireRef]string{
		{ID: "ks-sirkulaer", Version: "2026.1"}: "ks-sirkulaer-2026.1.schema.json",
		{ID: "mini", Version: "1 / utkast æ"}:   "mini-1-utkast-.schema.json",
		{ID: "x", Version: "../../etc/passwd"}:  "x-..-..-etc-passwd.schema.json",
	} {
		if got := FileName(ref); got != want {
			t.Errorf("FileName(%v) = %q, want %q", ref, got, want)
		}
	}
}

// TestSchemasInNynorsk: with a nynorsk printer the descriptions are
// nynorsk, the questionnaire's own texts too where it has them.
func TestSchemasInNynorsk(t *testing.T) {
	mini, ds := assessment.ParseQuestionnaire("mini.yaml", readSchemaFixture(t, "../../testdata/mini-questionnaire.yaml"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	nn := lang.For(lang.NN)
	a := ForAnswers(nn, mini)
	if got, want := a["description"], "Svar på «Lita testundersøking». Lag ei svarfil med «sirkel assess», og sjekk ho med «sirkel validate»."; got != want {
		t.Errorf("answers description = %q, want %q", got, want)
	}
	if got := ForQuestionnaires(nn)["title"]; got != "sirkel: spørjeskjema (kind: questionnaire)" {
		t.Errorf("questionnaire title = %q", got)
	}
	var buf bytes.Buffer
	if err := Write(&buf, a); err != nil {
		t.Fatal(err)
	}
	for _, bokmål := range []string{"ikke", "eller na (ikke relevant)", "Kommunens"} {
		if strings.Contains(buf.String(), bokmål) {
			t.Errorf("bokmål %q in the nynorsk schema", bokmål)
		}
	}
}
