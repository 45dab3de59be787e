package assessment

import "github.com/sirkel/sirkel/assessment/strictyaml"

// The diagnostics of reading and checking files, shared with the strict
// YAML reader that finds most of them.
type (
	// Diagnostic is one problem in an input file, with its position.
	Diagnostic = strictyaml.Diagnostic
	// Diagnostics are the problems of one or more files.
	Diagnostics = strictyaml.Diagnostics
	// Severity tells errors from warnings.
	Severity = strictyaml.Severity
	// Pos is a line and column, 1-based.
	Pos = strictyaml.Pos
)

// Severities.
const (
	SevError   = strictyaml.SevError
	SevWarning = strictyaml.SevWarning
)

// MaxTextLen is the longest text an answer or questionnaire field may hold,
// in characters; inputs other than YAML (the answer sheet) keep to it too.
const MaxTextLen = strictyaml.MaxTextLen
