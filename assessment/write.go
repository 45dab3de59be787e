package assessment

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sirkel/sirkel/assessment/lang"

	"go.yaml.in/yaml/v3"
)

// commentWidth is where question texts written as comments are wrapped.
const commentWidth = 80

// WriteAnswers writes answers as an answers file (kind: answers) that is meant
// for people as much as for programs: every question of q appears in
// questionnaire order, grouped under a header per area, either as a key with
// its answer or commented out («# id:») under its question text, so that the
// file can be completed by hand in an editor.
//
// Answers are written in their raw form, so a value that does not check
// against q is kept as it was, and answers to ids that q does not know are
// kept at the end. With a nil q the answers are written in file order
// without question texts. The comments are in the file's language
// (a.Language), bokmål when it names none.
func WriteAnswers(w io.Writer, q *Questionnaire, a *Answers) error {
	aw := &answersWriter{b: bufio.NewWriter(w), p: lang.For(lang.Lang(a.Language))}
	aw.header(q, a)
	aw.answers(q, a)
	if aw.err != nil {
		return aw.err
	}
	return aw.b.Flush()
}

type answersWriter struct {
	b   *bufio.Writer
	p   *lang.Printer // the language of the comments
	err error
}

func (aw *answersWriter) line(format string, args ...any) {
	if aw.err != nil {
		return
	}
	_, aw.err = fmt.Fprintf(aw.b, format+"\n", args...)
}

// entry writes «key: value» at the given indentation, leaving quoting,
// flow collections and block scalars to the YAML encoder.
func (aw *answersWriter) entry(indent int, key string, value *yaml.Node) {
	aw.entryNode(indent, str(key), value)
}

func (aw *answersWriter) entryNode(indent int, key, value *yaml.Node) {
	if aw.err != nil {
		return
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{key, value}}
	if err := enc.Encode(doc); err != nil {
		aw.err = err
		return
	}
	if err := enc.Close(); err != nil {
		aw.err = err
		return
	}
	pad := strings.Repeat(" ", indent)
	for l := range strings.Lines(buf.String()) {
		if strings.TrimSpace(l) == "" {
			_, aw.err = aw.b.WriteString(l) // blank lines inside block scalars
		} else {
			_, aw.err = aw.b.WriteString(pad + l)
		}
		if aw.err != nil {
			return
		}
	}
}

// comment writes text as comment lines, wrapped at commentWidth.
func (aw *answersWriter) comment(indent int, text string) {
	prefix := strings.Repeat(" ", indent) + "# "
	for _, l := range wrap(text, commentWidth-len(prefix)) {
		aw.line("%s", strings.TrimRight(prefix+l, " "))
	}
}

func (aw *answersWriter) header(q *Questionnaire, a *Answers) {
	ref := a.Questionnaire
	if ref.ID == "" && q != nil {
		ref = q.Ref()
	}
	if q != nil {
		aw.comment(0, aw.p.T("answers-file-title", "Title", q.Title, "Ref", ref.ID+"@"+ref.Version))
		aw.comment(0, aw.p.T("answers-file-how-to"))
		if len(q.Scale) > 0 {
			aw.comment(0, aw.p.T("answers-file-scale", "Scale", scaleValues(q)))
		}
	}
	aw.entry(0, "kind", str(KindAnswers))
	aw.entry(0, "questionnaire", flowMap("id", str(ref.ID), "version", quoted(ref.Version)))
	aw.entry(0, "municipality", flowMap("name", str(a.Municipality.Name), "number", quoted(a.Municipality.Number)))
	if len(a.Respondents) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, r := range a.Respondents {
			pairs := []any{"name", str(r.Name)}
			if r.Role != "" {
				pairs = append(pairs, "role", str(r.Role))
			}
			if r.Email != "" {
				pairs = append(pairs, "email", str(r.Email))
			}
			seq.Content = append(seq.Content, flowMap(pairs...))
		}
		aw.entry(0, "respondents", seq)
	}
	if a.Date.IsSet() {
		aw.entry(0, "date", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: a.Date.String()})
	} else {
		aw.line("date:")
	}
	if a.Language != "" {
		aw.entry(0, "language", str(a.Language))
	}
	var nAreas, nPlans int // what q orders, when there is a q
	if q != nil {
		nAreas, nPlans = len(q.Areas), len(q.Plans)
	}
	if len(a.Targets) > 0 {
		var pairs []any
		for _, area := range keyOrder(a.Targets, nAreas, func(i int) string { return q.Areas[i].ID }) {
			pairs = append(pairs, area, number(a.Targets[area]))
		}
		aw.entry(0, "targets", flowMap(pairs...))
	}
	if len(a.Plans) > 0 {
		plans := &yaml.Node{Kind: yaml.MappingNode}
		for _, id := range keyOrder(a.Plans, nPlans, func(i int) string { return q.Plans[i].ID }) {
			st := a.Plans[id]
			var pairs []any
			if st.Adopted.IsSet() {
				pairs = append(pairs, "adopted", st.Adopted.node())
			}
			if st.Next.IsSet() {
				pairs = append(pairs, "next", st.Next.node())
			}
			if st.Status != "" {
				pairs = append(pairs, "status", str(st.Status))
			}
			plans.Content = append(plans.Content, str(id), flowMap(pairs...))
		}
		aw.entry(0, "plans", plans)
	}
}

// keyOrder lists the keys of m in questionnaire order (id(i) for i < n),
// then any others sorted.
func keyOrder[V any](m map[string]V, n int, id func(i int) string) []string {
	var ids, rest []string
	known := make(map[string]bool, n)
	for i := range n {
		known[id(i)] = true
		if _, ok := m[id(i)]; ok {
			ids = append(ids, id(i))
		}
	}
	for k := range m {
		if !known[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(ids, rest...)
}

func (aw *answersWriter) answers(q *Questionnaire, a *Answers) {
	aw.line("answers:")
	written := map[string]bool{}
	if q != nil {
		for _, ar := range q.Areas {
			title := fmt.Sprintf("%s (%s)", ar.Name.Localize(aw.p), ar.ID)
			aw.line("")
			aw.line("  # %s", title)
			aw.line("  # %s", strings.Repeat("=", utf8.RuneCountInString(title)))
			for i := range ar.Questions {
				qu := &ar.Questions[i]
				aw.line("")
				aw.comment(2, qu.Text.Localize(aw.p))
				aw.comment(2, "("+accepts(q, qu, true).In(aw.p)+")")
				ans, _ := a.Answers.Get(qu.ID)
				aw.answer(qu.ID, ans)
				written[qu.ID] = true
			}
		}
	}
	first := true
	for _, id := range a.Answers.Order {
		if written[id] {
			continue
		}
		if first && q != nil {
			aw.line("")
			aw.comment(2, aw.p.T("answers-file-unknown", "Ref", q.ID+"@"+q.Version))
		}
		first = false
		aw.answer(id, a.Answers.ByID[id])
	}
}

// answer writes one answer, or the question commented out when there is none.
func (aw *answersWriter) answer(id string, ans *Answer) {
	v := answerNode(ans)
	k := str(id)
	if ans != nil && ans.Note != "" {
		switch {
		case v == nil:
			v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"} // keep the note on an empty key
			v.LineComment = ans.Note
		case v.Kind == yaml.MappingNode:
			k.LineComment = ans.Note // «id: # note», then value and comment
		default:
			v.LineComment = ans.Note
		}
	}
	if v == nil {
		aw.line("  # %s:", id)
		return
	}
	aw.entryNode(2, k, v)
}

// answerNode is the YAML value of an answer in its raw form, nil when
// there is nothing to write.
func answerNode(ans *Answer) *yaml.Node {
	if ans == nil {
		return nil
	}
	var v *yaml.Node
	switch {
	case ans.Empty:
	case ans.IsList:
		v = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, it := range ans.List {
			v.Content = append(v.Content, str(it))
		}
	default:
		tag := ans.Tag
		if tag == "" {
			tag = "!!str"
		}
		v = &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: ans.Scalar}
	}
	if ans.Comment == "" && ans.By == "" && len(ans.Evidence) == 0 {
		return v
	}
	m := &yaml.Node{Kind: yaml.MappingNode}
	if v != nil {
		m.Content = append(m.Content, str("value"), v)
	}
	if ans.Comment != "" {
		m.Content = append(m.Content, str("comment"), str(ans.Comment))
	}
	if ans.By != "" {
		m.Content = append(m.Content, str("by"), str(ans.By))
	}
	if len(ans.Evidence) > 0 {
		ev := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, e := range ans.Evidence {
			ev.Content = append(ev.Content, str(e))
		}
		m.Content = append(m.Content, str("evidence"), ev)
	}
	return m
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// quoted is a string that is always written in double quotes, such as a
// kommunenummer, whose leading zero must survive any YAML reader.
func quoted(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

func number(v float64) *yaml.Node {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	tag := "!!float"
	if !strings.ContainsAny(s, ".eE") {
		tag = "!!int"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s}
}

// flowMap makes a one-line mapping from key, value pairs (keys are strings,
// values *yaml.Node).
func flowMap(pairs ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for i := 0; i+1 < len(pairs); i += 2 {
		m.Content = append(m.Content, str(pairs[i].(string)), pairs[i+1].(*yaml.Node))
	}
	return m
}

// wrap breaks text into lines of at most width runes at spaces; words
// longer than width stand alone. Line breaks in text are kept.
func wrap(text string, width int) []string {
	var lines []string
	for para := range strings.SplitSeq(strings.TrimSpace(text), "\n") {
		var cur []string
		n := 0
		for _, word := range strings.Fields(para) {
			wl := utf8.RuneCountInString(word)
			if n > 0 && n+1+wl > width {
				lines = append(lines, strings.Join(cur, " "))
				cur, n = nil, 0
			}
			if n > 0 {
				n++ // the space before the word
			}
			cur = append(cur, word)
			n += wl
		}
		if len(cur) > 0 {
			lines = append(lines, strings.Join(cur, " "))
		}
	}
	return lines
}
