package assessment

import (
	"os/exec"
	"strings"
	"testing"
)

// The scoring package knows nothing of terminals, spreadsheets or the
// command line, and the text renderings of scores (JSON for batch work)
// do not pull in the spreadsheet library.
func TestDependencies(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not installed")
	}
	for pkg, banned := range map[string][]string{
		".":                {"/excelize", "/lipgloss", "/huh", "/cobra", "/bubbletea"},
		"../report/scores": {"/excelize"},
	} {
		out, err := exec.Command(goTool, "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, b := range banned {
				if strings.Contains(dep, b) {
					t.Errorf("%s depends on %s", pkg, dep)
				}
			}
		}
	}
}
