// Package strictyaml reads sirkel's YAML files with positions: it refuses
// what the YAML library lets through or reports badly (duplicate keys,
// tabs in indentation, wrong encodings, alias bombs, oversized files), and
// decodes a node tree into Go values strictly — unknown keys and wrong
// types become diagnostics at file:line:col with their YAML path and a
// message from the catalogues (assessment/lang), and decoding goes on so
// that every problem of a file is reported at once.
package strictyaml

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sirkel/sirkel/assessment/lang"

	"go.yaml.in/yaml/v3"
)

// Decoder turns a yaml.Node tree into Go values strictly: unknown and
// duplicate keys, wrong types and oversized input become diagnostics with
// positions, and decoding goes on so that all problems are reported at once.
type Decoder struct {
	file    string
	diags   Diagnostics
	nodes   int
	aborted bool
}

// NewDecoder makes a decoder for one file; messages name it.
func NewDecoder(file string) *Decoder { return &Decoder{file: file} }

// Diagnostics returns what decoding found so far.
func (d *Decoder) Diagnostics() Diagnostics { return d.diags }

// Aborted reports whether decoding stopped early (an alias bomb or absurd
// nesting): the value is then incomplete and must not be used.
func (d *Decoder) Aborted() bool { return d.aborted }

// CountNode counts a scalar a type decoded itself without Enter, so that
// the node limit still holds.
func (d *Decoder) CountNode() { d.nodes++ }

// DecodeInto decodes n into the value p points to.
func (d *Decoder) DecodeInto(n *yaml.Node, p any, path string, depth int) {
	d.Decode(n, reflect.ValueOf(p).Elem(), path, depth)
}

// Unmarshaler is implemented by types that read their own YAML shape.
type Unmarshaler interface {
	UnmarshalStrict(d *Decoder, n *yaml.Node, path string)
}

var unmarshalerType = reflect.TypeFor[Unmarshaler]()

// Error records an error from the catalogues at n (its line and column) and
// YAML path.
func (d *Decoder) Error(n *yaml.Node, path string, msg lang.Msg) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	d.diags = append(d.diags, NewDiagnostic(d.file, line, col, path, msg))
}

// Enter resolves aliases and counts nodes; it reports false when decoding
// must stop (an alias bomb or absurd nesting).
func (d *Decoder) Enter(n *yaml.Node, path string, depth int) (*yaml.Node, bool) {
	if d.aborted {
		return n, false
	}
	for hops := 0; n.Kind == yaml.AliasNode; hops++ {
		if n.Alias == nil || hops > 100 {
			d.Error(n, path, lang.M("yaml-alias-dangling"))
			return n, false
		}
		n = n.Alias
	}
	d.nodes++
	if d.nodes > MaxNodes {
		d.Error(n, path, lang.M("yaml-too-many-nodes", "Max", MaxNodes))
		d.aborted = true
		return n, false
	}
	if depth > MaxDepth {
		d.Error(n, path, lang.M("yaml-too-deep", "Max", MaxDepth))
		d.aborted = true
		return n, false
	}
	return n, true
}

// JoinPath appends a key to a YAML path («answers» + «x» = «answers.x»).
func JoinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// IndexPath appends a list index to a YAML path («plans[2]»).
func IndexPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// Describe names a node's kind and value for messages, as a placeholder
// rendered in the output's language.
func Describe(n *yaml.Node) lang.Msg {
	switch n.Kind {
	case yaml.MappingNode:
		return lang.M("yaml-a-mapping")
	case yaml.SequenceNode:
		return lang.M("yaml-a-list")
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return lang.M("yaml-no-value")
		}
		v := n.Value
		if utf8.RuneCountInString(v) > 40 {
			v = string([]rune(v)[:40]) + "…"
		}
		return lang.M("value-quoted", "Value", v)
	}
	return lang.M("yaml-an-unknown-value")
}

type fieldInfo struct {
	name  string
	index int
}

var fieldCache sync.Map // reflect.Type → []fieldInfo

func structFields(t reflect.Type) []fieldInfo {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]fieldInfo)
	}
	var fields []fieldInfo
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		if tag == "-" || tag == "" || !sf.IsExported() {
			continue
		}
		fields = append(fields, fieldInfo{name: strings.Split(tag, ",")[0], index: i})
	}
	fieldCache.Store(t, fields)
	return fields
}

// MappingPairs walks a mapping's key/value pairs, reporting duplicate keys
// (which the YAML library accepts silently) and non-scalar keys.
func (d *Decoder) MappingPairs(n *yaml.Node, path string, each func(key string, k, v *yaml.Node)) {
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k = d.Key(k, path); k == nil {
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.Error(k, JoinPath(path, k.Value), lang.M("yaml-duplicate-key", "Key", k.Value, "Line", first))
			continue
		}
		seen[k.Value] = k.Line
		each(k.Value, k, v)
	}
}

// Key returns a mapping key as a plain scalar, or nil (after reporting)
// when it is another kind of node or a «<<» merge.
func (d *Decoder) Key(k *yaml.Node, path string) *yaml.Node {
	if k.Kind == yaml.AliasNode && k.Alias != nil {
		k = k.Alias
	}
	switch {
	case k.Kind != yaml.ScalarNode:
		d.Error(k, path, lang.M("yaml-key-not-scalar", "Found", Describe(k)))
		return nil
	case k.Value == "<<":
		d.Error(k, path, lang.M("yaml-merge-key"))
		return nil
	}
	return k
}

// Decode decodes n into v by v's yaml struct tags, strictly.
func (d *Decoder) Decode(n *yaml.Node, v reflect.Value, path string, depth int) {
	n, ok := d.Enter(n, path, depth)
	if !ok {
		return
	}
	if v.CanAddr() && v.Addr().Type().Implements(unmarshalerType) {
		v.Addr().Interface().(Unmarshaler).UnmarshalStrict(d, n, path)
		return
	}
	isNull := n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
	switch v.Kind() {
	case reflect.Pointer:
		if isNull {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.Decode(n, p.Elem(), path, depth)
		v.Set(p)
	case reflect.Struct:
		if isNull || !d.expect(n, yaml.MappingNode, path) {
			return
		}
		fields := structFields(v.Type())
		d.MappingPairs(n, path, func(key string, k, val *yaml.Node) {
			for _, f := range fields {
				if f.name == key {
					d.Decode(val, v.Field(f.index), JoinPath(path, key), depth+1)
					return
				}
			}
			names := make([]string, len(fields))
			for i, f := range fields {
				names[i] = f.name
			}
			d.Error(k, JoinPath(path, key), lang.M("yaml-unknown-key", "Key", key, "Keys", strings.Join(names, ", "), "Meant", Meant(key, names)))
		})
	case reflect.Slice:
		if isNull || !d.expect(n, yaml.SequenceNode, path) {
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.Decode(c, s.Index(i), IndexPath(path, i), depth+1)
		}
		v.Set(s)
	case reflect.Map:
		if isNull || !d.expect(n, yaml.MappingNode, path) {
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
		d.MappingPairs(n, path, func(key string, _, val *yaml.Node) {
			e := reflect.New(v.Type().Elem()).Elem()
			d.Decode(val, e, JoinPath(path, key), depth+1)
			m.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), e)
		})
		v.Set(m)
	case reflect.String:
		if isNull {
			return
		}
		if n.Kind != yaml.ScalarNode {
			d.Error(n, path, lang.M("yaml-expected", "Want", lang.M("yaml-a-text"), "Found", Describe(n)))
			return
		}
		if utf8.RuneCountInString(n.Value) > MaxTextLen {
			d.Error(n, path, lang.M("yaml-text-too-long", "Max", MaxTextLen))
			return
		}
		v.SetString(n.Value)
	case reflect.Int, reflect.Float64, reflect.Bool:
		if isNull {
			return
		}
		if !setScalar(n, v) {
			d.Error(n, path, lang.M("yaml-expected", "Want", scalarWanted[v.Kind()], "Found", Describe(n)))
		}
	default:
		d.Error(n, path, lang.M("yaml-unreadable-value"))
	}
}

// expect reports whether n is a mapping or a list as wanted, and records
// what was expected when it is not.
func (d *Decoder) expect(n *yaml.Node, kind yaml.Kind, path string) bool {
	if n.Kind == kind {
		return true
	}
	what := lang.M("yaml-a-mapping")
	if kind == yaml.SequenceNode {
		what = lang.M("yaml-a-list")
	}
	d.Error(n, path, lang.M("yaml-expected", "Want", what, "Found", Describe(n)))
	return false
}

// scalarWanted names what a field of each scalar kind takes, for messages.
var scalarWanted = map[reflect.Kind]lang.Msg{
	reflect.Int:     lang.M("yaml-an-integer"),
	reflect.Float64: lang.M("yaml-a-decimal-number"),
	reflect.Bool:    lang.M("yaml-a-bool"),
}

// setScalar sets an int, float or bool field from a scalar node of the
// right YAML type; it reports false when the node is not one.
func setScalar(n *yaml.Node, v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Int:
		i, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || err != nil {
			return false
		}
		v.SetInt(int64(i))
	case reflect.Float64:
		f, ok := scalarFloat(n)
		if !ok {
			return false
		}
		v.SetFloat(f)
	case reflect.Bool:
		b, ok := scalarBool(n)
		if !ok {
			return false
		}
		v.SetBool(b)
	}
	return true
}

// scalarFloat reads a finite number written as a YAML int or float.
func scalarFloat(n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode {
		return 0, false
	}
	switch n.ShortTag() {
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return float64(i), true
		}
		f, err := strconv.ParseFloat(n.Value, 64)
		return f, err == nil
	case "!!float":
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, false
		}
		return f, true
	}
	return 0, false
}

func scalarBool(n *yaml.Node) (bool, bool) {
	if n.Kind != yaml.ScalarNode {
		return false, false
	}
	switch strings.ToLower(n.Value) {
	case "true", "ja", "yes":
		return true, true
	case "false", "nei", "no":
		return false, true
	}
	return false, false
}

// NodeAt finds the node at a path such as "areas[2].questions[0].id" or
// "answers.styring-temaplan"; where the path ends at a missing key it
// returns the deepest node that exists, so that a missing field is reported
// at its parent.
func NodeAt(root *yaml.Node, path string) *yaml.Node {
	if root == nil {
		return &yaml.Node{} // answers not read from YAML (a workbook) have no positions
	}
	n := root
	for _, seg := range splitPath(path) {
		for n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		next := child(n, seg)
		if next == nil {
			return n
		}
		n = next
	}
	return n
}

// Present reports whether a YAML path is written in the file (its last key
// exists), as opposed to missing.
func Present(root *yaml.Node, path string) bool {
	segs := splitPath(path)
	return len(segs) > 0 && child(NodeAt(root, strings.Join(segs[:len(segs)-1], ".")), segs[len(segs)-1]) != nil
}

func child(n *yaml.Node, seg string) *yaml.Node {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == seg {
				return n.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(seg); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i]
		}
	}
	return nil
}

// KeyNodeAt is NodeAt for the key of the last segment, where there is one.
func KeyNodeAt(root *yaml.Node, path string) *yaml.Node {
	segs := splitPath(path)
	if len(segs) == 0 {
		return root
	}
	parent := NodeAt(root, strings.Join(segs[:len(segs)-1], "."))
	if parent.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(parent.Content); i += 2 {
			if parent.Content[i].Value == segs[len(segs)-1] {
				return parent.Content[i]
			}
		}
	}
	return NodeAt(root, path)
}

func splitPath(path string) []string {
	var segs []string
	for _, part := range strings.Split(path, ".") {
		for part != "" {
			i := strings.IndexByte(part, '[')
			if i < 0 {
				segs = append(segs, part)
				break
			}
			if i > 0 {
				segs = append(segs, part[:i])
			}
			j := strings.IndexByte(part[i:], ']')
			if j < 0 {
				segs = append(segs, part[i+1:])
				break
			}
			segs = append(segs, part[i+1:i+j])
			part = part[i+j+1:]
		}
	}
	return segs
}

// Meant is « – mente du «x»?» for the closest candidate, or the zero Msg
// (rendered as nothing).
func Meant(s string, candidates []string) lang.Msg {
	if m := Suggest(s, candidates); m != "" {
		return lang.M("yaml-did-you-mean", "Word", m)
	}
	return lang.Msg{}
}

// Suggest returns the candidate closest to s by edit distance, if it is
// close enough to be a likely typo.
func Suggest(s string, candidates []string) string {
	best, bestD := "", math.MaxInt
	for _, c := range candidates {
		if d := levenshtein(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	n := utf8.RuneCountInString(s)
	if bestD <= max(1, n/3) && bestD < n {
		return best
	}
	return ""
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func refValue(p any) reflect.Value { return reflect.ValueOf(p).Elem() }

// DecodeString decodes a scalar text, within the length limit.
func (d *Decoder) DecodeString(n *yaml.Node, s *string, path string) {
	d.Decode(n, refValue(s), path, 1)
}
