package main

import (
	"io"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// writeAtomic writes a file through a temporary file in the same folder,
// fsynced and renamed into place, so that a failure or a kill at any
// moment leaves either the old file or the complete new one.
func writeAtomic(path string, write func(io.Writer) error) error {
	pf, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644), renameio.WithTempDir(filepath.Dir(path)))
	if err != nil {
		return err
	}
	defer pf.Cleanup()
	if err := write(pf); err != nil {
		return err
	}
	return pf.CloseAtomicallyReplace()
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
