package answersheet

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/assessment"
)

// Excel files sirkel cannot read say why and what to do: an old .xls and a
// password-protected .xlsx are both OLE2 compound files.
func TestOpenCompoundFiles(t *testing.T) {
	for _, tc := range []struct {
		file, want string
	}{
		{"../../testdata/broken/gammelt-format.xls", "lagre som .xlsx (Excel-arbeidsbok) og prøv igjen"},
		{"../../testdata/broken/passordbeskyttet.xlsx", "fjern passordet: Fil → Info → Beskytt arbeidsbok"},
	} {
		data, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if !IsSpreadsheet(data) {
			t.Errorf("%s: not recognised as a spreadsheet", tc.file)
		}
		_, err = Open(tc.file, data)
		var ds assessment.Diagnostics
		if !errors.As(err, &ds) || !strings.Contains(ds.Error(), tc.want) {
			t.Errorf("%s: %v; want «%s»", tc.file, err, tc.want)
		}
	}
	// Another OLE2 file, such as a Word 97 document.
	doc := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	_, err := Open("notat.doc", doc)
	if err == nil || !strings.Contains(err.Error(), "ikke en Excel-arbeidsbok") {
		t.Errorf("an OLE2 file without a workbook: %v", err)
	}
	if IsSpreadsheet([]byte("kind: answers\n")) {
		t.Error("YAML taken for a spreadsheet")
	}
}
