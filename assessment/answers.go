package assessment

import (
	"strings"
	"time"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/strictyaml"

	"go.yaml.in/yaml/v3"
)

// Answers is one municipality's answers to one questionnaire (kind: answers).
type Answers struct {
	Kind          string           `yaml:"kind" validate:"required,eq=answers"`
	Questionnaire QuestionnaireRef `yaml:"questionnaire" validate:"required"`
	Municipality  Municipality     `yaml:"municipality" validate:"required"`
	Respondents   []Respondent     `yaml:"respondents" validate:"dive"`
	Date          Date             `yaml:"date" validate:"date_required"`
	// Language is the written standard of this assessment's outputs.
	Language string                `yaml:"language" validate:"omitempty,oneof=nb nn"`
	Targets  map[string]float64    `yaml:"targets"`
	Plans    map[string]PlanStatus `yaml:"plans"` // by plan id
	Answers  AnswerMap             `yaml:"answers" validate:"answers_present"`

	// File is the path the answers were read from (for messages and output).
	File string `yaml:"-"`
	root *yaml.Node
}

// QuestionnaireRef names a questionnaire and its version.
type QuestionnaireRef struct {
	ID      string `yaml:"id" json:"id" validate:"required"`
	Version string `yaml:"version" json:"version" validate:"required"`
}

// Municipality is a kommune (4-digit number) or fylkeskommune (2 digits).
type Municipality struct {
	Name   string `yaml:"name" json:"name" validate:"required"`
	Number string `yaml:"number" json:"number" validate:"required"`
}

// Respondent is a person who answered.
type Respondent struct {
	Name  string `yaml:"name" validate:"required"`
	Role  string `yaml:"role"`
	Email string `yaml:"email" validate:"omitempty,email"`
}

// Date is a calendar date written as YYYY-MM-DD.
type Date struct {
	time.Time
	set bool
}

// IsSet reports whether a date was given.
func (d Date) IsSet() bool { return d.set }

// NewDate makes a Date.
func NewDate(t time.Time) Date {
	return Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), set: true}
}

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if !d.set {
		return ""
	}
	return d.Format(time.DateOnly)
}

func (dt *Date) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node, path string) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return
	}
	if n.Kind == yaml.ScalarNode {
		v := strings.TrimSpace(n.Value)
		for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
			if t, err := time.Parse(layout, v); err == nil {
				*dt = NewDate(t)
				return
			}
		}
	}
	d.Error(n, path, lang.M("answer-date-invalid", "Found", strictyaml.Describe(n)))
}

// AnswerMap holds the answers by question id, remembering file order.
type AnswerMap struct {
	Order []string
	ByID  map[string]*Answer
	set   bool
}

// Get returns the answer to a question, if any.
func (m AnswerMap) Get(id string) (*Answer, bool) {
	a, ok := m.ByID[id]
	return a, ok
}

// Set stores an answer, keeping the first-set order.
func (m *AnswerMap) Set(id string, a *Answer) {
	if m.ByID == nil {
		m.ByID = make(map[string]*Answer)
	}
	if _, ok := m.ByID[id]; !ok {
		m.Order = append(m.Order, id)
	}
	m.ByID[id] = a
	m.set = true
}

// Delete removes an answer.
func (m *AnswerMap) Delete(id string) {
	if _, ok := m.ByID[id]; !ok {
		return
	}
	delete(m.ByID, id)
	for i, o := range m.Order {
		if o == id {
			m.Order = append(m.Order[:i:i], m.Order[i+1:]...)
			break
		}
	}
}

// Len is the number of answers.
func (m AnswerMap) Len() int { return len(m.Order) }

func (m *AnswerMap) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node, path string) {
	m.set = true
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.Error(n, path, lang.M("yaml-expected", "Want", lang.M("answers-a-mapping"), "Found", strictyaml.Describe(n)))
		return
	}
	m.ByID = make(map[string]*Answer, len(n.Content)/2)
	m.Order = make([]string, 0, len(n.Content)/2)
	// One block for all answers, and duplicates found through ByID: this
	// runs for every file of a batch.
	block := make([]Answer, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := d.Key(n.Content[i], path), n.Content[i+1]
		if k == nil {
			continue
		}
		key := k.Value
		if first, dup := m.ByID[key]; dup {
			d.Error(k, strictyaml.JoinPath(path, key), lang.M("yaml-duplicate-key", "Key", key, "Line", first.KeyPos.Line))
			continue
		}
		a := &block[i/2]
		a.KeyPos = Pos{Line: k.Line, Column: k.Column}
		a.decode(d, v, path, key, 0)
		a.Note = lineComment(k, v)
		m.ByID[key] = a
		m.Order = append(m.Order, key)
	}
}

// Answer is one answer as written in the file, before it is read for its
// question: Answers.Check interprets it (see ParseValue).
type Answer struct {
	Empty   bool     // written with no value: counts as unanswered
	Scalar  string   // the raw scalar, when the value is one
	Tag     string   // the YAML tag of the scalar (!!int, !!str, …)
	List    []string // the raw items, when the value is a list
	IsList  bool
	Comment string
	// By names who gave the answer; Evidence lists where it is documented
	// (a case number, a link, a document), in the long form
	// {value, comment, by, evidence}.
	By       string
	Evidence []string
	// Note is a YAML comment written after the answer on its line
	// («# sjekk med landbrukssjefen»), kept when the file is rewritten.
	Note   string
	Pos    Pos // of the value
	KeyPos Pos // of the question id
}

// Raw is the answer as ParseValue reads it.
func (a *Answer) Raw() Raw { return Raw{Text: a.Scalar, List: a.List, IsList: a.IsList} }

// NewAnswer is the answer to write for a value, in its canonical spelling:
// a number, ja/nei, an option id or a list of them, na, vet-ikke.
func NewAnswer(qu *Question, v Value) *Answer {
	switch v.Kind {
	case ValueNone:
		return &Answer{Empty: true}
	case ValueNA:
		return &Answer{Scalar: NAText, Tag: "!!str"}
	case ValueDontKnow:
		return &Answer{Scalar: DontKnowText, Tag: "!!str"}
	}
	switch qu.EffectiveType() {
	case TypeScale, TypeNumber:
		n := number(v.Number)
		return &Answer{Scalar: n.Value, Tag: n.Tag}
	case TypeYesNo:
		if v.Number == 1 {
			return &Answer{Scalar: "ja", Tag: "!!str"}
		}
		return &Answer{Scalar: "nei", Tag: "!!str"}
	case TypeChoice:
		return &Answer{Scalar: v.Options[0], Tag: "!!str"}
	case TypeMulti:
		return &Answer{IsList: true, List: append([]string{}, v.Options...)}
	}
	return &Answer{Scalar: v.Text, Tag: "!!str"}
}

// Answered reports whether the answer counts as given (not empty).
func (a *Answer) Answered() bool { return a != nil && !a.Empty }

// decode reads the raw answer; the YAML path (base.key) is built only
// when there is something to report.
func (a *Answer) decode(d *strictyaml.Decoder, n *yaml.Node, base, key string, depth int) {
	if n.Kind == yaml.ScalarNode && !d.Aborted() {
		// The common case, kept free of allocations.
		d.CountNode()
		a.Pos = Pos{Line: n.Line, Column: n.Column}
		a.scalar(n)
		return
	}
	path := strictyaml.JoinPath(base, key)
	n, ok := d.Enter(n, path, depth+3)
	if !ok {
		return
	}
	a.Pos = Pos{Line: n.Line, Column: n.Column}
	switch n.Kind {
	case yaml.ScalarNode:
		a.scalar(n)
	case yaml.SequenceNode:
		a.IsList = true
		a.List = make([]string, 0, len(n.Content))
		for i, c := range n.Content {
			c, ok := d.Enter(c, strictyaml.IndexPath(path, i), depth+4)
			if !ok {
				return
			}
			if c.Kind != yaml.ScalarNode {
				d.Error(c, strictyaml.IndexPath(path, i), lang.M("yaml-expected", "Want", lang.M("answer-an-option-id"), "Found", strictyaml.Describe(c)))
				continue
			}
			a.List = append(a.List, c.Value)
		}
	case yaml.MappingNode:
		if depth > 0 {
			d.Error(n, path, lang.M("yaml-expected", "Want", lang.M("answer-a-value"), "Found", strictyaml.Describe(n)))
			return
		}
		hasValue := false
		d.MappingPairs(n, path, func(k string, kn, v *yaml.Node) {
			switch k {
			case "value":
				hasValue = true
				a.decode(d, v, path, "value", depth+1)
			case "comment":
				d.DecodeString(v, &a.Comment, strictyaml.JoinPath(path, "comment"))
			case "by":
				d.DecodeString(v, &a.By, strictyaml.JoinPath(path, "by"))
			case "evidence":
				a.decodeEvidence(d, v, strictyaml.JoinPath(path, "evidence"), depth)
			default:
				d.Error(kn, strictyaml.JoinPath(path, k), lang.M("answer-unknown-key", "Key", k, "Meant", strictyaml.Meant(k, answerKeys)))
			}
		})
		if !hasValue {
			a.Empty = true
			a.Pos = Pos{Line: n.Line, Column: n.Column}
		}
	}
}

var answerKeys = []string{"value", "comment", "by", "evidence"}

// decodeEvidence reads evidence: a list of texts.
func (a *Answer) decodeEvidence(d *strictyaml.Decoder, n *yaml.Node, path string, depth int) {
	n, ok := d.Enter(n, path, depth+4)
	if !ok || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.Error(n, path, lang.M("answer-evidence-list", "Found", strictyaml.Describe(n)))
		return
	}
	for i, c := range n.Content {
		var s string
		d.DecodeString(c, &s, strictyaml.IndexPath(path, i))
		if s = strings.TrimSpace(s); s != "" {
			a.Evidence = append(a.Evidence, s)
		}
	}
}

func (a *Answer) scalar(n *yaml.Node) {
	tag := n.ShortTag()
	switch {
	case tag == "!!null":
		a.Empty = true
	default:
		a.Scalar, a.Tag = n.Value, tag
	}
}

// PosOf returns the position of a YAML path in the file the answers were
// read from (the parent's position when the path is missing).
func (a *Answers) PosOf(path string) Pos {
	if a.root == nil {
		return Pos{}
	}
	n := strictyaml.NodeAt(a.root, path)
	return Pos{Line: n.Line, Column: n.Column}
}

// lineComment finds a «# …» written after an answer on its line; the YAML
// library hangs it on the key, the value, or a flow mapping's last value.
func lineComment(k, v *yaml.Node) string {
	for _, n := range []*yaml.Node{v, k} {
		if n.LineComment != "" {
			return n.LineComment
		}
	}
	if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle != 0 && len(v.Content) > 0 {
		return v.Content[len(v.Content)-1].LineComment
	}
	return ""
}
