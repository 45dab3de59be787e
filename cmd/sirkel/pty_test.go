//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/sys/unix"
)

func init() { scriptCmds["tty"] = cmdTTY }

// cmdTTY runs «tty STREAMS program args…» with the standard streams named
// in STREAMS (a comma list of stdin, stdout, stderr) on a pseudo-terminal
// that is the program's controlling terminal and never answers a query;
// the other streams are pipes, stdin one that stays open and silent.
// Everything the program wrote to the terminal, then to a stdout pipe, is
// the command's stdout; a stderr pipe is its stderr.
func cmdTTY(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: tty stdin,stdout,stderr program [args...]")
	}
	on := strings.Split(args[0], ",")
	for _, name := range on {
		if !slices.Contains([]string{"stdin", "stdout", "stderr"}, name) {
			ts.Fatalf("tty: unknown stream %q", name)
		}
	}
	ptmx, tty, err := openPTY()
	ts.Check(err)
	defer ptmx.Close()

	path, err := exec.LookPath(args[1])
	ts.Check(err)
	cmd := exec.Command(path, args[2:]...)
	cmd.Dir = ts.MkAbs(".")
	cmd.Env = scriptEnv(ts)
	var stdout, stderr bytes.Buffer
	silent, keepOpen, err := os.Pipe()
	ts.Check(err)
	defer keepOpen.Close()
	defer silent.Close()
	cmd.Stdin, cmd.Stdout, cmd.Stderr = silent, &stdout, &stderr
	ctty := -1
	for i, name := range []string{"stdin", "stdout", "stderr"} {
		if !slices.Contains(on, name) {
			continue
		}
		if ctty < 0 {
			ctty = i
		}
		switch i {
		case 0:
			cmd.Stdin = tty
		case 1:
			cmd.Stdout = tty
		case 2:
			cmd.Stderr = tty
		}
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: ctty}
	ts.Check(cmd.Start())
	tty.Close() // the child holds it now; reading ptmx ends when it exits

	var screen bytes.Buffer
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		_, _ = io.Copy(&screen, ptmx) // ends with EIO once the child is gone
	}()
	runErr := cmd.Wait()
	<-copied
	fmt.Fprint(ts.Stdout(), strings.ReplaceAll(screen.String(), "\r\n", "\n"))
	fmt.Fprint(ts.Stdout(), stdout.String())
	fmt.Fprint(ts.Stderr(), stderr.String())
	var ee *exec.ExitError
	switch {
	case runErr != nil && !errors.As(runErr, &ee):
		ts.Fatalf("tty: %v", runErr)
	case runErr != nil && !neg:
		ts.Fatalf("tty: %v", runErr)
	case runErr == nil && neg:
		ts.Fatalf("tty: unexpected success")
	}
}

// scriptEnv is the part of the script's environment that matters here.
func scriptEnv(ts *testscript.TestScript) []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "TERM", "NO_COLOR", "SOURCE_DATE_EPOCH", "CI"} {
		if v := ts.Getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// openPTY opens a new pseudo-terminal pair (Linux).
func openPTY() (ptmx, tty *os.File, err error) {
	ptmx, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	fd := int(ptmx.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		ptmx.Close()
		return nil, nil, err
	}
	n, err := unix.IoctlGetUint32(fd, unix.TIOCGPTN)
	if err != nil {
		ptmx.Close()
		return nil, nil, err
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		ptmx.Close()
		return nil, nil, err
	}
	return ptmx, tty, nil
}
