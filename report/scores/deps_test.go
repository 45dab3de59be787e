package scores

import (
	"os/exec"
	"strings"
	"testing"
)

// Scoring does without the Excel library: a program that only scores
// files should neither carry nor build the workbook code.
func TestNoExcelDependency(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not installed")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "/excelize") {
			t.Errorf("report/scores depends on %s", pkg)
		}
	}
}
