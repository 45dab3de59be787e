package strictyaml

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/sirkel/sirkel/assessment/lang"

	"go.yaml.in/yaml/v3"
)

// Limits on input, so that a hostile or broken file cannot exhaust memory.
const (
	MaxFileSize = 5 << 20 // bytes
	MaxNodes    = 200_000 // YAML nodes visited, aliases expanded
	MaxDepth    = 64      // nesting of mappings and sequences
	MaxTextLen  = 10_000  // characters in one text field
)

// ReadFile reads path, refusing files that are too large before reading them
// whole. The error is Diagnostics with messages from the catalogues.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, openMessage(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		if info.Size() > MaxFileSize {
			return nil, tooLarge(path)
		}
		// Read a regular file in one go into a buffer of its size.
		data := make([]byte, info.Size()+1)
		n, err := io.ReadFull(f, data)
		if err == io.ErrUnexpectedEOF || err == io.EOF {
			return data[:n], nil
		}
		if err != nil {
			return nil, fileError(path, lang.M("file-read-failed", "Reason", openMessage(err)))
		}
		// The file grew while we read it: fall back to the limited reader.
		rest, err := ReadLimited(path, f)
		if err != nil {
			return nil, err
		}
		return append(data[:n], rest...), nil
	}
	return ReadLimited(path, f)
}

func tooLarge(name string) error {
	return fileError(name, lang.M("file-too-large", "MiB", MaxFileSize>>20))
}

// ReadLimited reads r up to MaxFileSize; name is used in messages.
func ReadLimited(name string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fileError(name, lang.M("file-read-failed", "Reason", openMessage(err)))
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(name)
	}
	return data, nil
}

func openMessage(err error) lang.Msg {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return lang.M("file-not-found")
	case errors.Is(err, os.ErrPermission):
		return lang.M("file-no-permission")
	}
	var pe *os.PathError
	if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "is a directory") {
		return lang.M("file-is-directory")
	}
	return lang.M("file-os-error", "Error", err.Error())
}

func fileError(file string, msg lang.Msg) Diagnostics {
	return Diagnostics{NewDiagnostic(file, 0, 0, "", msg)}
}

// at is a diagnostic of the whole document at a position.
func at(file string, p Pos, msg lang.Msg) Diagnostics {
	return Diagnostics{NewDiagnostic(file, p.Line, p.Column, "", msg)}
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Parse checks the raw bytes and parses one YAML document into a node
// tree. It does the checks the YAML library does not do with positions:
// encoding, tabs used for indentation, several documents.
func Parse(file string, data []byte) (*yaml.Node, Diagnostics) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		// Notepad and Excel save «Unicode» text as UTF-16: read it as such.
		var ok bool
		if data, ok = decodeUTF16(data); !ok {
			return nil, at(file, Pos{1, 1}, lang.M("file-utf16-odd"))
		}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, at(file, Pos{1, 1}, lang.M("file-empty"))
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, at(file, offsetPos(data, i), lang.M("file-binary"))
	}
	if !utf8.Valid(data) {
		i := firstInvalidUTF8(data)
		return nil, at(file, offsetPos(data, i), lang.M("file-not-utf8"))
	}
	if ds := findIndentTabs(file, data); len(ds) > 0 {
		return nil, ds
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if err == io.EOF {
			return nil, at(file, Pos{1, 1}, lang.M("file-only-comments"))
		}
		return nil, Diagnostics{yamlSyntaxError(file, data, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, at(file, Pos{extra.Line, extra.Column}, lang.M("file-several-documents"))
	} else if err != io.EOF {
		return nil, Diagnostics{yamlSyntaxError(file, data, err)}
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if n, cyclic := aliasBomb(doc); n != nil {
		msg := lang.M("yaml-alias-bomb", "Max", MaxNodes)
		if cyclic {
			msg = lang.M("yaml-alias-cycle")
		}
		return nil, at(file, Pos{n.Line, n.Column}, msg)
	}
	return doc, nil
}

// decodeUTF16 turns UTF-16 with a byte order mark into UTF-8, without
// the mark; it reports false for an odd number of bytes.
func decodeUTF16(data []byte) ([]byte, bool) {
	order := binary.ByteOrder(binary.LittleEndian)
	if bytes.HasPrefix(data, bomUTF16BE) {
		order = binary.BigEndian
	}
	data = data[2:]
	if len(data)%2 != 0 {
		return nil, false
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = order.Uint16(data[2*i:])
	}
	return []byte(string(utf16.Decode(units))), true
}

func hasAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		return true
	}
	for _, c := range n.Content {
		if hasAlias(c) {
			return true
		}
	}
	return false
}

// aliasBomb returns the node at which the document, with its aliases
// expanded, grows past MaxNodes, or the alias that refers to itself; nil
// when neither happens. Expanded sizes are memoized per node, so the check
// is linear in the file.
func aliasBomb(root *yaml.Node) (culprit *yaml.Node, cyclic bool) {
	if !hasAlias(root) {
		return nil, false // the common case: no alias, nothing to expand
	}
	memo := map[*yaml.Node]int{}
	busy := map[*yaml.Node]bool{}
	var size func(n *yaml.Node) int
	size = func(n *yaml.Node) int {
		if culprit != nil {
			return MaxNodes + 1
		}
		if v, ok := memo[n]; ok {
			return v
		}
		if busy[n] {
			culprit, cyclic = n, true
			return MaxNodes + 1
		}
		busy[n] = true
		total := 1
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			total += size(n.Alias)
			if cyclic && culprit == n.Alias {
				culprit = n
			}
		}
		for _, c := range n.Content {
			total += size(c)
			if total > MaxNodes {
				break
			}
		}
		if total > MaxNodes && culprit == nil {
			culprit = n
		}
		busy[n] = false
		memo[n] = total
		return total
	}
	if size(root) > MaxNodes && culprit == nil {
		culprit = root
	}
	return culprit, cyclic
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// offsetPos turns a byte offset into a 1-based line and a column counted in
// characters.
func offsetPos(data []byte, off int) Pos {
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	col := 1 + utf8.RuneCount(data[start:off])
	if !utf8.Valid(data[start:off]) {
		col = 1 + off - start
	}
	return Pos{line, col}
}

// findIndentTabs reports tabs in the leading whitespace of lines; the YAML
// library reports them on the wrong line.
func findIndentTabs(file string, data []byte) Diagnostics {
	var ds Diagnostics
	line := 0
	for len(data) > 0 {
		line++
		end := bytes.IndexByte(data, '\n')
		var l []byte
		if end < 0 {
			l, data = data, nil
		} else {
			l, data = data[:end], data[end+1:]
		}
		for col, c := range l {
			if c == '\t' {
				ds = append(ds, NewDiagnostic(file, line, col+1, "", lang.M("yaml-tab-indent")))
				break
			}
			if c != ' ' {
				break
			}
		}
		if len(ds) >= 10 {
			break
		}
	}
	return ds
}

var (
	reYAMLLine   = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	reYAMLAnchor = regexp.MustCompile(`unknown anchor '([^']*)' referenced`)
)

// yamlSyntaxMessages translates the YAML library's parser messages.
var yamlSyntaxMessages = []struct {
	contains string
	msg      lang.Msg
}{
	{"mapping values are not allowed", lang.M("yaml-syntax-colon")},
	{"did not find expected key", lang.M("yaml-syntax-indent")},
	{"could not find expected ':'", lang.M("yaml-syntax-missing-colon")},
	{"did not find expected node content", lang.M("yaml-syntax-missing-value")},
	{"did not find expected '-' indicator", lang.M("yaml-syntax-broken-list")},
	{"found character that cannot start any token", lang.M("yaml-syntax-bad-character")},
	{"found unexpected end of stream", lang.M("yaml-syntax-end-of-file")},
	{"did not find expected ',' or ']'", lang.M("yaml-syntax-open-bracket")},
	{"did not find expected ',' or '}'", lang.M("yaml-syntax-open-brace")},
	{"found unknown escape character", lang.M("yaml-syntax-escape")},
	{"block sequence entries are not allowed", lang.M("yaml-syntax-list-item")},
	{"control characters are not allowed", lang.M("yaml-syntax-control-characters")},
	{"found a tab character", lang.M("yaml-syntax-tab")},
	{"exceeded max depth", lang.M("yaml-syntax-too-deep")},
	{"document contains excessive aliasing", lang.M("yaml-syntax-too-many-aliases")},
	{"found duplicate anchor", lang.M("yaml-syntax-duplicate-anchor")},
	{"did not find URI escaped octet", lang.M("yaml-syntax-bad-tag")},
	{"found undefined tag handle", lang.M("yaml-syntax-unknown-tag")},
	{"invalid leading UTF-8 octet", lang.M("yaml-syntax-not-utf8")},
	{"while scanning a quoted scalar", lang.M("yaml-syntax-open-quote")},
	{"while scanning a simple key", lang.M("yaml-syntax-missing-colon")},
}

func yamlSyntaxError(file string, data []byte, err error) Diagnostic {
	raw := err.Error()
	pos := Pos{1, 1}
	if m := reYAMLAnchor.FindStringSubmatch(raw); m != nil {
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			pos = offsetPos(data, i)
		}
		return NewDiagnostic(file, pos.Line, pos.Column, "", lang.M("yaml-unknown-anchor", "Name", m[1]))
	}
	rest := strings.TrimPrefix(raw, "yaml: ")
	if m := reYAMLLine.FindStringSubmatch(raw); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		rest = m[2]
		// The parser's (not the scanner's) messages carry a 0-based line
		// that points at the start of the enclosing block.
		if strings.HasPrefix(rest, "did not find expected") {
			pos.Line++
		}
		if pos.Line < 1 {
			pos.Line = 1
		}
	}
	msg := lang.M("yaml-invalid-here")
	for _, t := range yamlSyntaxMessages {
		if strings.Contains(rest, t.contains) {
			msg = lang.M("yaml-invalid", "Reason", t.msg)
			break
		}
	}
	return NewDiagnostic(file, pos.Line, pos.Column, "", msg)
}
