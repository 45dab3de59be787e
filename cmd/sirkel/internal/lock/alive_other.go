//go:build !unix

package lock

import "os"

// alive reports whether a process runs, as far as this system tells.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
