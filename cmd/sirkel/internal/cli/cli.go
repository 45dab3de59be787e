// Package cli is what sirkel's commands share: the injected I/O streams,
// the language of the run, the exit codes and the error that carries one,
// atomic file writes, and the printing of diagnostics. Commands write data
// to Out and messages to Err, never to os.Stdout directly, so tests capture
// everything; every sentence comes from the catalogues in assessment/lang.
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
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/strictyaml"
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
	// Lang is the written standard asked for with --lang; "" when none was.
	Lang lang.Lang

	// fileLang is the «language» of the one answers file a command works
	// on (UseFileLang); it comes after --lang and before the environment.
	fileLang string
	// existing are output files that existed before this run wrote them
	// (see NoteExisting); one goroutine uses them, the command's.
	existing map[string]bool
}

// getenv is Getenv, or no variables when there is none.
func (s *Streams) getenv(k string) string {
	if s.Getenv == nil {
		return ""
	}
	return s.Getenv(k)
}

// Choose is the language of an output made from an answers file whose
// «language» is file ("" for none, or for output from many files):
// --lang, the file's language, SIRKEL_LANG, the locale (lang.Choose).
func (s *Streams) Choose(file string) lang.Lang {
	return lang.Choose(string(s.Lang), file, s.getenv)
}

// UseFileLang makes the language of the one answers file a command works
// on (template --from, migrate) the language of its messages from now on,
// unless --lang says otherwise.
func (s *Streams) UseFileLang(file string) { s.fileLang = file }

// Printer speaks the language of the command's messages: --lang, the
// language of the command's one answers file (UseFileLang), SIRKEL_LANG,
// the locale.
func (s *Streams) Printer() *lang.Printer { return lang.For(s.Choose(s.fileLang)) }

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
	return &Error{Code: ExitInterrupted, Local: lang.M("cli-interrupted")}
}

// Color reports whether output to a terminal may use colour.
func (s *Streams) Color() bool {
	return s.OutTTY && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb"
}

// Error carries an exit code through cobra. Its message is either Msg,
// text already in the command's language, or Local, a message from the
// catalogues that run renders in the command's language when it prints
// it; both are empty when the problem was already reported.
type Error struct {
	Code  int
	Msg   string
	Local lang.Msg
}

// Error is the message; a Local one in bokmål.
func (e *Error) Error() string {
	if e.Local.ID != "" {
		return e.Local.String()
	}
	return e.Msg
}

// In is the message in p's language.
func (e *Error) In(p *lang.Printer) string {
	if e.Local.ID != "" {
		return e.Local.In(p)
	}
	return e.Msg
}

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

// UsageMsg is a wrong use of a command, said by a message from the
// catalogues: exit code 2.
func UsageMsg(m lang.Msg) error { return &Error{Code: ExitUsage, Local: m} }

// FailureMsg is a problem with the input or output, said by a message
// from the catalogues: exit code 1.
func FailureMsg(m lang.Msg) error { return &Error{Code: ExitInvalid, Local: m} }

// AsUsage makes err, a wrong argument, a usage error; a message from the
// catalogues stays one, to be said in the command's language.
func AsUsage(err error) error {
	var le *lang.Error
	if errors.As(err, &le) {
		return UsageMsg(le.Msg)
	}
	return Usage("%s", err)
}

// msgError is an error from the catalogues: Error is bokmål, and as a
// message's placeholder it renders in the printer's language.
type msgError struct{ m lang.Msg }

func (e *msgError) Error() string                   { return e.m.String() }
func (e *msgError) Localize(p *lang.Printer) string { return e.m.In(p) }

// Text is an error's message in p's language: errors from the catalogues
// (lang.Error, Diagnostics, Error, OSError …) are rendered in it, other
// errors say what they say.
func Text(p *lang.Printer, err error) string {
	var (
		ee *Error
		le *lang.Error
		ds assessment.Diagnostics
		lz lang.Localized
		mm interface{ Msg() lang.Msg }
	)
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ee):
		return ee.In(p)
	case errors.As(err, &le):
		return le.Msg.In(p)
	case errors.As(err, &ds):
		return ds.Localize(p)
	case errors.As(err, &lz):
		return lz.Localize(p)
	case errors.As(err, &mm):
		return mm.Msg().In(p)
	}
	return err.Error()
}

// WriteAtomic writes a file through a temporary file in the same folder,
// fsynced and renamed into place, so that a failure or a kill at any
// moment leaves either the old file or the complete new one.
func WriteAtomic(path string, write func(io.Writer) error) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return &msgError{lang.M("cli-is-folder")}
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

// OSError says what went wrong with writing a file or making a folder, in
// either written standard (it renders in the printer's language as a
// message's placeholder, in bokmål as an error); the callers name the
// path.
func OSError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, os.ErrNotExist):
		return &msgError{lang.M("cli-os-no-folder")}
	case errors.Is(err, os.ErrPermission):
		return &msgError{lang.M("cli-os-no-permission")}
	case errors.Is(err, syscall.ENOSPC):
		return &msgError{lang.M("cli-os-disk-full")}
	case errors.Is(err, syscall.EROFS):
		return &msgError{lang.M("cli-os-read-only")}
	}
	return err
}

// ReadError says what went wrong with reading a file or folder, as
// OSError does for writing.
func ReadError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, os.ErrNotExist):
		return &msgError{lang.M("cli-os-not-found")}
	case errors.Is(err, os.ErrPermission):
		return &msgError{lang.M("cli-os-no-read-permission")}
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
		return UsageMsg(lang.M("cli-refuse-overwrite", "File", path))
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

// Wrote is the verb for the message about a file written, in p's
// language: «Erstattet» when NoteExisting found one there before, else
// «Skrev».
func (s *Streams) Wrote(p *lang.Printer, path string) string {
	if s.existing[path] {
		return p.T("cli-replaced")
	}
	return p.T("cli-wrote")
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
			return UsageMsg(lang.M("cli-workbook-to-terminal"))
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
		return time.Time{}, UsageMsg(lang.M("cli-source-date-epoch", "Value", v))
	}
	return time.Unix(sec, 0).UTC(), nil
}

// WarnNotXLSX warns, in p's language, when a workbook is given a name that
// Excel and LibreOffice will not open as one.
func WarnNotXLSX(s *Streams, p *lang.Printer, path string) {
	if path != "" && path != StdinName && !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		Warn(s.Err, p, lang.M("cli-not-xlsx", "File", path))
	}
}

// Say writes a message of sirkel's own (not about a position in a file),
// in p's language, on one line: «sirkel: melding».
func Say(w io.Writer, p *lang.Printer, m lang.Msg) {
	fmt.Fprintf(w, "sirkel: %s\n", m.In(p))
}

// Warn writes a warning of sirkel's own: «sirkel: advarsel: melding».
func Warn(w io.Writer, p *lang.Printer, m lang.Msg) {
	fmt.Fprintf(w, "sirkel: %s: %s\n", p.T("diag-warning"), m.In(p))
}

// Note writes a note, something a user may not expect but that is no
// problem: «sirkel: merk: melding».
func Note(w io.Writer, p *lang.Printer, m lang.Msg) {
	fmt.Fprintf(w, "sirkel: %s: %s\n", p.T("cli-note"), m.In(p))
}

// WarnAbout writes a warning about a file: «fil: advarsel: melding».
func WarnAbout(w io.Writer, p *lang.Printer, file string, m lang.Msg) {
	d := strictyaml.NewDiagnostic(file, 0, 0, "", m)
	d.Severity = assessment.SevWarning
	fmt.Fprintln(w, d.In(p))
}

// PrintDiagnostics writes diagnostics in p's language as
// fil:linje:kol: melding, one a line.
func PrintDiagnostics(w io.Writer, p *lang.Printer, ds assessment.Diagnostics) {
	for _, d := range ds {
		fmt.Fprintln(w, d.In(p))
	}
}

// AsDiagnostics turns an error about a file into diagnostics; a message
// from the catalogues stays one, to be rendered in the output's language.
func AsDiagnostics(path string, err error) assessment.Diagnostics {
	var (
		ds assessment.Diagnostics
		ee *Error
		le *lang.Error
		me *msgError
		mm interface{ Msg() lang.Msg }
	)
	var m lang.Msg
	switch {
	case errors.As(err, &ds):
		return ds
	case errors.As(err, &ee):
		if ee.Local.ID == "" {
			return assessment.Diagnostics{{File: path, Message: ee.Msg}}
		}
		m = ee.Local
	case errors.As(err, &le):
		m = le.Msg
	case errors.As(err, &me):
		m = me.m
	case errors.As(err, &mm):
		m = mm.Msg()
	default:
		return assessment.Diagnostics{{File: path, Message: err.Error()}}
	}
	return assessment.Diagnostics{strictyaml.NewDiagnostic(path, 0, 0, "", m)}
}
