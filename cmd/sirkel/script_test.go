package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"sirkel": func() { os.Exit(run(os.Args[1:], cli.SystemStreams())) },
	})
}

// TestScripts runs the CLI scripts in testdata/script. Each script starts
// in a work folder holding a copy of the repository's testdata/.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			env.Setenv("SOURCE_DATE_EPOCH", "1795132800") // 2026-11-20
			return os.CopyFS(filepath.Join(env.WorkDir, "testdata"), os.DirFS("../../testdata"))
		},
		Cmds: scriptCmds,
	})
}

// scriptCmds are the scripts' own commands; platform-specific ones add
// themselves in init.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"exitcode": cmdExitCode,
	"bigfile":  cmdBigFile,
}

// cmdExitCode runs «exitcode N prog args…» and checks the exit code, which
// plain «! exec» cannot tell apart (1 invalid input, 2 usage, 130 aborted).
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

// cmdBigFile writes «bigfile NAME BYTES»: a valid-looking YAML file of at
// least that size, for the size limit.
func cmdBigFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigfile NAME BYTES")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	line := "# fyll fyll fyll fyll fyll fyll fyll fyll fyll fyll fyll fyll fyll\n"
	var b strings.Builder
	b.WriteString("kind: answers\n")
	for b.Len() < n {
		b.WriteString(line)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644))
}
