// Package cli is what sirkel's commands share: the injected I/O streams,
// the exit codes and the error that carries one, atomic file writes, and
// the printing of diagnostics. Commands write data to Out and messages to
// Err, never to os.Stdout directly, so tests capture everything.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/google/renameio/v2"
	"github.com/mattn/go-isatty"
	"github.com/sirkel/sirkel/assessment"
	"github.com/spf13/cobra"
)

// Exit codes: 0 all good, 1 some input invalid (the rest was processed),
// 2 wrong usage, 130 interrupted (after saving).
const (
	ExitOK          = 0
	ExitInvalid     = 1
	ExitUsage       = 2
	ExitInterrupted = 130
)

// StdinName is how «-» (standard input) is written on the command line
// and named in messages.
const StdinName = "-"

// Streams is a command's I/O.
type Streams struct {
	In       io.Reader
	Out, Err io.Writer
	InTTY    bool // stdin is a terminal
	OutTTY   bool // stdout is a terminal
	ErrTTY   bool
	Getenv   func(string) string
	Ctx      context.Context // cancelled by Ctrl-C (SIGINT)
	// Clock tells when batch progress is due; nil is time.Now.
	Clock func() time.Time

	// existing are output files that existed before this run wrote them
	// (see NoteExisting); one goroutine uses them, the command's.
	existing map[string]bool
}

// SystemStreams are the process's own.
func SystemStreams() *Streams {
	return &Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTTY:  isatty.IsTerminal(os.Stdin.Fd()),
		OutTTY: isatty.IsTerminal(os.Stdout.Fd()),
		ErrTTY: isatty.IsTerminal(os.Stderr.Fd()),
		Getenv: os.Getenv,
	}
}

// Context is cancelled by Ctrl-C.
func (s *Streams) Context() context.Context {
	if s.Ctx == nil {
		return context.Background()
	}
	return s.Ctx
}

// Interrupted is the error of a batch stopped by Ctrl-C: exit code 130.
// Outputs are written atomically, so nothing half-written is left.
func (s *Streams) Interrupted() error {
	if s.Context().Err() == nil {
		return nil
	}
	return &Error{Code: ExitInterrupted, Msg: "avbrutt (Ctrl-C); ingen halvferdige filer er skrevet"}
}

// Color reports whether output to a terminal may use colour.
func (s *Streams) Color() bool {
	return s.OutTTY && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb"
}

// Error carries an exit code through cobra; Msg may be empty when the
// problem was already reported.
type Error struct {
	Code int
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// Invalid is returned when some input was bad but the rest was processed;
// the details were printed already.
func Invalid() error { return &Error{Code: ExitInvalid} }

// Usage is a wrong use of a command: exit code 2.
func Usage(format string, args ...any) error {
	return &Error{Code: ExitUsage, Msg: fmt.Sprintf(format, args...)}
}

// Failure is a problem with the input or output: exit code 1.
func Failure(format string, args ...any) error {
	return &Error{Code: ExitInvalid, Msg: fmt.Sprintf(format, args...)}
}

// WriteAtomic writes a file through a temporary file in the same folder,
// fsynced and renamed into place, so that a failure or a kill at any
// moment leaves either the old file or the complete new one.
func WriteAtomic(path string, write func(io.Writer) error) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return errors.New("det er en mappe; oppgi et filnavn")
	}
	pf, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644), renameio.WithTempDir(filepath.Dir(path)))
	if err != nil {
		return OSError(err)
	}
	defer pf.Cleanup()
	if err := write(pf); err != nil {
		return OSError(err)
	}
	return OSError(pf.CloseAtomicallyReplace())
}

// OSError says in Norwegian what went wrong with a file or folder; the
// callers name the path.
func OSError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, os.ErrNotExist):
		return errors.New("mappen finnes ikke")
	case errors.Is(err, os.ErrPermission):
		return errors.New("mangler skrivetilgang")
	case errors.Is(err, syscall.ENOSPC):
		return errors.New("disken er full")
	case errors.Is(err, syscall.EROFS):
		return errors.New("filsystemet er skrivebeskyttet")
	}
	return err
}

// The rule for written files (README, «Filer som skrives»): files people
// write answers in – answers files and answer workbooks – are never
// overwritten without --force (RefuseOverwrite); files sirkel makes from
// the answers – reports, comparisons – are replaced, and the message says
// «Erstattet» (Wrote). A workbook is never written to a terminal
// (MarkWorkbookOutput).

// RefuseOverwrite returns an error when path exists and force is not set.
func RefuseOverwrite(path string, force bool) error {
	if force {
		return nil
	}
	if _, err := os.Stat(path); err == nil {
		return Usage("%s finnes allerede; bruk --force for å overskrive", path)
	}
	return nil
}

// NoteExisting remembers whether a file exists at path before it is
// written, for Wrote.
func (s *Streams) NoteExisting(path string) {
	if path == StdinName {
		return
	}
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
		if s.existing == nil {
			s.existing = map[string]bool{}
		}
		s.existing[path] = true
	}
}

// Wrote is the verb for the message about a file written: «Erstattet» when
// NoteExisting found one there before, else «Skrev».
func (s *Streams) Wrote(path string) string {
	if s.existing[path] {
		return "Erstattet"
	}
	return "Skrev"
}

// MarkWorkbookOutput declares flag as the file a command writes a workbook
// to («-» for standard output). Before the command runs, «-» is refused
// when standard output is a terminal, and an existing file is noted for
// Wrote; the shell completes *.xlsx for it.
func MarkWorkbookOutput(cmd *cobra.Command, s *Streams, flag string) {
	_ = cmd.MarkFlagFilename(flag, "xlsx")
	next := cmd.PreRunE
	cmd.PreRunE = func(c *cobra.Command, args []string) error {
		path, err := c.Flags().GetString(flag)
		if err != nil {
			return err
		}
		if path == StdinName && s.OutTTY {
			return Usage("arbeidsboken er binærdata og skrives ikke til en terminal; send standard ut til en fil (-o - > rapport.xlsx) eller oppgi et filnavn med -o")
		}
		s.NoteExisting(path)
		if next != nil {
			return next(c, args)
		}
		return nil
	}
}

// Now is the time stamped into files: SOURCE_DATE_EPOCH when it is set
// (reproducible builds and tests), else the clock.
func Now(s *Streams) (time.Time, error) {
	v := s.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Now(), nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, Usage("SOURCE_DATE_EPOCH=%q er ikke et antall sekunder", v)
	}
	return time.Unix(sec, 0).UTC(), nil
}

// WarnNotXLSX warns when a workbook is given a name that Excel and
// LibreOffice will not open as one.
func WarnNotXLSX(s *Streams, path string) {
	if path != "" && path != StdinName && !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		fmt.Fprintf(s.Err, "sirkel: advarsel: %s får en Excel-arbeidsbok; gi filen endelsen .xlsx så den åpnes riktig\n", path)
	}
}

// PrintDiagnostics writes diagnostics as fil:linje:kol: melding, one a line.
func PrintDiagnostics(w io.Writer, ds assessment.Diagnostics) {
	for _, d := range ds {
		fmt.Fprintln(w, d.String())
	}
}

// AsDiagnostics turns an error about a file into diagnostics.
func AsDiagnostics(path string, err error) assessment.Diagnostics {
	var ds assessment.Diagnostics
	if errors.As(err, &ds) {
		return ds
	}
	var ee *Error
	if errors.As(err, &ee) {
		return assessment.Diagnostics{{File: path, Message: ee.Msg}}
	}
	return assessment.Diagnostics{{File: path, Message: err.Error()}}
}
