package assessment

import (
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/strictyaml"

	"go.yaml.in/yaml/v3"
)

// Kinds of documents.
const (
	KindQuestionnaire = "questionnaire"
	KindAnswers       = "answers"
)

// Document is a parsed input file of either kind.
type Document struct {
	Kind          string
	Questionnaire *Questionnaire // when Kind is questionnaire
	Answers       *Answers       // when Kind is answers
}

// Parse reads one YAML document, tells its kind from «kind:», and decodes
// it strictly. A questionnaire is fully validated; answers are checked for
// their own fields only (see Answers.Check for the checks against a
// questionnaire). The returned diagnostics are sorted by position.
func Parse(file string, data []byte) (*Document, Diagnostics) {
	root, ds := strictyaml.Parse(file, data)
	if ds != nil {
		return nil, ds
	}
	kind, kd := kindOf(file, root)
	if kd != nil {
		return nil, Diagnostics{*kd}
	}
	doc := &Document{Kind: kind}
	switch kind {
	case KindQuestionnaire:
		doc.Questionnaire, ds = decodeQuestionnaire(file, root)
	case KindAnswers:
		doc.Answers, ds = decodeAnswers(file, root)
	}
	ds.Sort()
	return doc, ds
}

// ParseQuestionnaire parses a questionnaire file; it is an error if the file
// holds another kind.
func ParseQuestionnaire(file string, data []byte) (*Questionnaire, Diagnostics) {
	doc, ds := Parse(file, data)
	if doc != nil && doc.Kind != KindQuestionnaire {
		return nil, Diagnostics{strictyaml.NewDiagnostic(file, 1, 1, "", lang.M("kind-not-questionnaire", "Kind", doc.Kind))}
	}
	if ds.HasErrors() {
		return nil, ds
	}
	return doc.Questionnaire, ds
}

// ParseAnswers parses an answers file; it is an error if the file holds
// another kind.
func ParseAnswers(file string, data []byte) (*Answers, Diagnostics) {
	doc, ds := Parse(file, data)
	if doc != nil && doc.Kind != KindAnswers {
		return nil, Diagnostics{strictyaml.NewDiagnostic(file, 1, 1, "", lang.M("kind-not-answers", "Kind", doc.Kind))}
	}
	if doc == nil {
		return nil, ds
	}
	return doc.Answers, ds
}

func kindOf(file string, root *yaml.Node) (string, *Diagnostic) {
	at := func(n *yaml.Node, path string, msg lang.Msg) *Diagnostic {
		d := strictyaml.NewDiagnostic(file, n.Line, n.Column, path, msg)
		return &d
	}
	if root.Kind != yaml.MappingNode {
		return "", at(root, "", lang.M("kind-top-not-mapping", "Found", strictyaml.Describe(root)))
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "kind" {
			continue
		}
		v := root.Content[i+1]
		switch v.Value {
		case KindQuestionnaire, KindAnswers:
			return v.Value, nil
		}
		return "", at(v, "kind", lang.M("kind-unknown", "Found", strictyaml.Describe(v), "Meant", strictyaml.Meant(v.Value, []string{KindAnswers, KindQuestionnaire})))
	}
	return "", at(root, "kind", lang.M("kind-missing"))
}

func decodeQuestionnaire(file string, root *yaml.Node) (*Questionnaire, Diagnostics) {
	d := strictyaml.NewDecoder(file)
	q := &Questionnaire{}
	d.DecodeInto(root, q, "", 0)
	ds := d.Diagnostics()
	if d.Aborted() {
		return nil, ds
	}
	ds = append(ds, validateFields(file, root, q, ds)...)
	ds = append(ds, q.crossCheck(file, root)...)
	if ds.HasErrors() {
		return nil, ds
	}
	q.prepare()
	return q, ds
}

func decodeAnswers(file string, root *yaml.Node) (*Answers, Diagnostics) {
	d := strictyaml.NewDecoder(file)
	a := &Answers{File: file, root: root}
	d.DecodeInto(root, a, "", 0)
	ds := d.Diagnostics()
	if d.Aborted() {
		return nil, ds
	}
	ds = append(ds, validateFields(file, root, a, ds)...)
	return a, ds
}
