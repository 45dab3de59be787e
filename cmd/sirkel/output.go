package main

import (
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
)

// writeAtomic writes a file through a temporary file in the same folder,
// fsynced and renamed into place, so that a failure or a kill at any
// moment leaves either the old file or the complete new one.
func writeAtomic(path string, write func(io.Writer) error) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return errors.New("det er en mappe; oppgi et filnavn")
	}
	pf, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644), renameio.WithTempDir(filepath.Dir(path)))
	if err != nil {
		return osError(err)
	}
	defer pf.Cleanup()
	if err := write(pf); err != nil {
		return osError(err)
	}
	return osError(pf.CloseAtomicallyReplace())
}

// osError says in Norwegian what went wrong with a file or folder; the
// callers name the path.
func osError(err error) error {
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

// refuseOverwrite returns an error when path exists and force is not set.
func refuseOverwrite(path string, force bool) error {
	if force {
		return nil
	}
	if _, err := os.Stat(path); err == nil {
		return usageError("%s finnes allerede; bruk --force for å overskrive", path)
	}
	return nil
}

// reproducibleNow is the time stamped into files: SOURCE_DATE_EPOCH when it
// is set (reproducible builds and tests), else the clock.
func reproducibleNow(s *streams) (time.Time, error) {
	v := s.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Now(), nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, usageError("SOURCE_DATE_EPOCH=%q er ikke et antall sekunder", v)
	}
	return time.Unix(sec, 0).UTC(), nil
}

// warnNotXLSX warns when a workbook is given a name that Excel and
// LibreOffice will not open as one.
func warnNotXLSX(s *streams, path string) {
	if path != "" && path != stdinName && !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		fmt.Fprintf(s.Err, "sirkel: advarsel: %s får en Excel-arbeidsbok; gi filen endelsen .xlsx så den åpnes riktig\n", path)
	}
}
