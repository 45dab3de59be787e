package main

import (
	"bytes"

	"github.com/sirkel/sirkel/assessment"
)

// isWorkbook tells an .xlsx (a zip archive) from YAML by its first bytes.
func isWorkbook(_ string, data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04"))
}

func loadWorkbook(path string, _ []byte, _ *questionnaireSource, _ batchOptions) loaded {
	return loaded{Path: path, Diags: assessment.Diagnostics{{File: path,
		Message: "filen er en Excel-fil eller et zip-arkiv, ikke en YAML-svarfil"}}}
}
