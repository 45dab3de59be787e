//go:build unix

package lock

import (
	"errors"
	"syscall"
)

// alive reports whether a process runs; one of another user still does.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
