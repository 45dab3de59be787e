package strictyaml

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, order binary.AppendByteOrder, bom []byte) []byte {
	out := append([]byte{}, bom...)
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// UTF-16 with a byte order mark, as Notepad and Excel save «Unicode»
// text, is read like UTF-8, with positions in characters.
func TestParseUTF16(t *testing.T) {
	src := "kind: answers\nmunicipality: {name: Øyer, number: \"3440\"}\n"
	for name, data := range map[string][]byte{
		"LE": utf16Bytes(src, binary.LittleEndian, bomUTF16LE),
		"BE": utf16Bytes(src, binary.BigEndian, bomUTF16BE),
	} {
		root, ds := Parse("svar.yaml", data)
		if len(ds) > 0 {
			t.Fatalf("%s: %v", name, ds)
		}
		if n := NodeAt(root, "municipality.name"); n == nil || n.Value != "Øyer" || n.Line != 2 || n.Column != 22 {
			t.Errorf("%s: municipality.name = %+v", name, n)
		}
	}
	// Errors point into the decoded text.
	_, ds := Parse("svar.yaml", utf16Bytes("kind: answers\n\tx: 1\n", binary.LittleEndian, bomUTF16LE))
	if len(ds) != 1 || ds[0].Line != 2 || !strings.Contains(ds[0].Message, "tabulator") {
		t.Errorf("tab in UTF-16: %v", ds)
	}
	// Half a character at the end is refused, with a message.
	odd := append(utf16Bytes("kind: answers\n", binary.LittleEndian, bomUTF16LE), 'x')
	if _, ds := Parse("svar.yaml", odd); len(ds) != 1 || !strings.Contains(ds[0].Message, "UTF-16, men slutter midt i et tegn") {
		t.Errorf("odd length: %v", ds)
	}
}

// The other encodings keep their messages.
func TestParseEncodingMessages(t *testing.T) {
	for data, want := range map[string]string{
		"kind: \xf8yer\n":        "ikke gyldig UTF-8",
		"k\x00i\x00n\x00d\x00\n": "binære data",
		"\xef\xbb\xbf":           "filen er tom",
	} {
		if _, ds := Parse("f.yaml", []byte(data)); len(ds) == 0 || !strings.Contains(ds[0].Message, want) {
			t.Errorf("%q: %v, want %q", data, ds, want)
		}
	}
}
