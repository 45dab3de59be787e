package strictyaml

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

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
// whole. The error is a Diagnostic in Norwegian.
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
			return nil, fileError(path, "kunne ikke lese filen: "+openMessage(err))
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
	return fileError(name, fmt.Sprintf("filen er for stor (over %d MiB); en svarfil eller et spørreskjema er normalt under 1 MiB", MaxFileSize>>20))
}

// ReadLimited reads r up to MaxFileSize; name is used in messages.
func ReadLimited(name string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fileError(name, "kunne ikke lese filen: "+openMessage(err))
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(name)
	}
	return data, nil
}

func openMessage(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "filen finnes ikke"
	case errors.Is(err, os.ErrPermission):
		return "mangler tilgang til å lese filen"
	}
	var pe *os.PathError
	if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "is a directory") {
		return "dette er en mappe, ikke en fil"
	}
	return err.Error()
}

func fileError(file, msg string) Diagnostics {
	return Diagnostics{{File: file, Message: msg}}
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
			return nil, Diagnostics{{File: file, Line: 1, Column: 1, Message: "filen er lagret som UTF-16, men slutter midt i et tegn; lagre den på nytt som UTF-8"}}
		}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Diagnostics{{File: file, Line: 1, Column: 1, Message: "filen er tom; forventet et YAML-dokument som begynner med «kind: answers» eller «kind: questionnaire»"}}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		p := offsetPos(data, i)
		return nil, Diagnostics{{File: file, Line: p.Line, Column: p.Column, Message: "filen inneholder binære data (NUL-tegn); forventet en YAML-tekstfil"}}
	}
	if !utf8.Valid(data) {
		i := firstInvalidUTF8(data)
		p := offsetPos(data, i)
		return nil, Diagnostics{{File: file, Line: p.Line, Column: p.Column, Message: "filen er ikke gyldig UTF-8 (kanskje lagret som Latin-1 eller Windows-1252); lagre den på nytt som UTF-8"}}
	}
	if ds := findIndentTabs(file, data); len(ds) > 0 {
		return nil, ds
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if err == io.EOF {
			return nil, Diagnostics{{File: file, Line: 1, Column: 1, Message: "filen inneholder bare kommentarer; forventet et YAML-dokument"}}
		}
		return nil, Diagnostics{yamlSyntaxError(file, data, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Diagnostics{{File: file, Line: extra.Line, Column: extra.Column, Message: "filen inneholder flere YAML-dokumenter (skilt med «---»); legg hvert dokument i sin egen fil"}}
	} else if err != io.EOF {
		return nil, Diagnostics{yamlSyntaxError(file, data, err)}
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if n, cyclic := aliasBomb(doc); n != nil {
		msg := fmt.Sprintf("aliasene (*navn) i filen folder seg ut til over %d verdier (en «aliasbombe»); skriv verdiene ut i stedet", MaxNodes)
		if cyclic {
			msg = "aliaset viser til en verdi som inneholder aliaset selv (en løkke); skriv verdien ut i stedet"
		}
		return nil, Diagnostics{{File: file, Line: n.Line, Column: n.Column, Message: msg}}
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
				ds = append(ds, Diagnostic{File: file, Line: line, Column: col + 1,
					Message: "tabulator brukt som innrykk; YAML krever mellomrom (bytt tabulatoren med mellomrom)"})
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
var yamlSyntaxMessages = []struct{ contains, msg string }{
	{"mapping values are not allowed", "kolon på feil sted: en verdi som inneholder «: » må stå i anførselstegn, eller innrykket er feil"},
	{"did not find expected key", "innrykket i blokken som begynner her, stemmer ikke; sjekk at nøkler på samme nivå står rett under hverandre"},
	{"could not find expected ':'", "mangler kolon etter en nøkkel (forventet «nøkkel: verdi»)"},
	{"did not find expected node content", "mangler en verdi her; sjekk innrykk og bindestreker i lister"},
	{"did not find expected '-' indicator", "listen som begynner her, er brutt; hvert element i en liste må begynne med «- » på samme innrykk"},
	{"found character that cannot start any token", "et tegn som ikke kan starte en verdi (for eksempel «@» eller «`»); sett verdien i anførselstegn"},
	{"found unexpected end of stream", "filen slutter midt i en verdi; mangler et avsluttende anførselstegn eller en klamme?"},
	{"did not find expected ',' or ']'", "listen i hakeparenteser som begynner her, er ikke avsluttet; forventet «,» eller «]»"},
	{"did not find expected ',' or '}'", "mappingen i krøllparenteser som begynner her, er ikke avsluttet; forventet «,» eller «}»"},
	{"found unknown escape character", "ukjent escape-sekvens med «\\» i en tekst i doble anførselstegn; bruk enkle anførselstegn"},
	{"block sequence entries are not allowed", "et listeelement («- ») står der det ventes en verdi; sjekk innrykket"},
	{"control characters are not allowed", "filen inneholder kontrolltegn som ikke er tillatt i YAML"},
	{"found a tab character", "tabulator der YAML krever mellomrom"},
	{"exceeded max depth", "dokumentet er for dypt nøstet"},
	{"document contains excessive aliasing", "dokumentet bruker for mange aliaser (*navn); skriv verdiene ut i stedet"},
	{"found duplicate anchor", "samme anker (&navn) er definert to ganger"},
	{"did not find URI escaped octet", "ugyldig tag (!...)"},
	{"found undefined tag handle", "ukjent tag (!...); fjern den"},
	{"invalid leading UTF-8 octet", "filen er ikke gyldig UTF-8; lagre den på nytt som UTF-8"},
	{"while scanning a quoted scalar", "en tekst i anførselstegn er ikke avsluttet"},
	{"while scanning a simple key", "mangler kolon etter en nøkkel (forventet «nøkkel: verdi»)"},
}

func yamlSyntaxError(file string, data []byte, err error) Diagnostic {
	raw := err.Error()
	d := Diagnostic{File: file, Line: 1, Column: 1}
	if m := reYAMLAnchor.FindStringSubmatch(raw); m != nil {
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			p := offsetPos(data, i)
			d.Line, d.Column = p.Line, p.Column
		}
		d.Message = fmt.Sprintf("aliaset «*%s» viser til et anker «&%s» som ikke finnes (foran aliaset)", m[1], m[1])
		return d
	}
	rest := strings.TrimPrefix(raw, "yaml: ")
	if m := reYAMLLine.FindStringSubmatch(raw); m != nil {
		d.Line, _ = strconv.Atoi(m[1])
		rest = m[2]
		// The parser's (not the scanner's) messages carry a 0-based line
		// that points at the start of the enclosing block.
		if strings.HasPrefix(rest, "did not find expected") {
			d.Line++
		}
		if d.Line < 1 {
			d.Line = 1
		}
		d.Column = 1
	}
	for _, t := range yamlSyntaxMessages {
		if strings.Contains(rest, t.contains) {
			d.Message = "ugyldig YAML: " + t.msg
			return d
		}
	}
	d.Message = "ugyldig YAML her; sjekk innrykk, kolon og anførselstegn"
	return d
}
