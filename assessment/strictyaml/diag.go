package strictyaml

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sirkel/sirkel/assessment/lang"
)

// Severity tells an error, which makes a file unusable, from a warning,
// which is reported but lets the file be scored.
type Severity int

const (
	SevError Severity = iota
	SevWarning
)

// Diagnostic is one problem found in an input file, with the position a
// person needs to find it: file, line, column and the YAML path.
type Diagnostic struct {
	File    string
	Line    int // 1-based; 0 when the problem concerns the whole file
	Column  int // 1-based; 0 when unknown
	Path    string
	Message string // in bokmål: what is wrong and what is allowed
	// Msg is the message from the catalogues, rendered again in the
	// output's language; zero for text made elsewhere (an OS error).
	Msg      lang.Msg
	Severity Severity
}

// NewDiagnostic makes a diagnostic from a catalogue message.
func NewDiagnostic(file string, line, col int, path string, msg lang.Msg) Diagnostic {
	return Diagnostic{File: file, Line: line, Column: col, Path: path, Message: msg.String(), Msg: msg}
}

// Text is the message in p's language.
func (d Diagnostic) Text(p *lang.Printer) string {
	if d.Msg.ID == "" {
		return d.Message
	}
	return d.Msg.In(p)
}

// String formats the diagnostic in bokmål as file:line:col: path: melding.
func (d Diagnostic) String() string { return d.In(lang.For(lang.NB)) }

// In formats the diagnostic in p's language as file:line:col: path: melding.
func (d Diagnostic) In(p *lang.Printer) string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Column > 0 {
			fmt.Fprintf(&b, ":%d", d.Column)
		}
	}
	b.WriteString(": ")
	if d.Severity == SevWarning {
		b.WriteString(p.T("diag-warning"))
		b.WriteString(": ")
	}
	if d.Path != "" {
		b.WriteString(d.Path)
		b.WriteString(": ")
	}
	b.WriteString(d.Text(p))
	return b.String()
}

// Diagnostics is a list of problems; as an error it stands for its errors.
type Diagnostics []Diagnostic

// Errors returns only the errors.
func (ds Diagnostics) Errors() Diagnostics { return ds.filter(SevError) }

// Warnings returns only the warnings.
func (ds Diagnostics) Warnings() Diagnostics { return ds.filter(SevWarning) }

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == SevError {
			return true
		}
	}
	return false
}

func (ds Diagnostics) filter(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Error joins the diagnostics, one per line, in bokmål.
func (ds Diagnostics) Error() string { return ds.Localize(lang.For(lang.NB)) }

// Localize joins the diagnostics, one per line, in p's language.
func (ds Diagnostics) Localize(p *lang.Printer) string {
	lines := make([]string, 0, len(ds))
	for _, d := range ds {
		lines = append(lines, d.In(p))
	}
	return strings.Join(lines, "\n")
}

// Sort orders diagnostics by file, line and column, keeping the order of
// diagnostics at the same position.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// Pos is a position in a YAML file.
type Pos struct{ Line, Column int }
