// Package earlyinit keeps sirkel from asking the terminal for its
// background colour when the program starts.
//
// Bubble Tea v1 (linked through huh, for «sirkel assess») calls
// lipgloss.HasDarkBackground from a package init. On a terminal that
// writes an OSC 11 and a cursor-position query to standard output and waits
// up to five seconds for the answer – before main runs, for every command,
// also «sirkel --version». A terminal that never answers (script, some
// editors' shells, some CI) makes every run wait the full five seconds, and
// the query bytes end up in captured output.
//
// Nothing in main can prevent it, since package inits run first. This
// package runs before Bubble Tea's init because Go initialises packages in
// the order of their import paths wherever the imports allow (the Go spec,
// «Package initialization», since Go 1.21): «earlyinit» sorts before
// «github.com/charmbracelet/bubbletea», and its only import, Lip Gloss, is
// initialised already. That is why it is a module of its own with this
// short path (go.mod replaces it with this folder), and why it must not
// import anything that Bubble Tea's init would wait for.
//
// It tells Lip Gloss's default renderer that the background is dark, so the
// question is never asked. sirkel's output does not depend on the answer:
// tables use their own renderer, and the colours of the assess form are
// readable on either background.
package earlyinit

import "github.com/charmbracelet/lipgloss"

func init() {
	lipgloss.SetHasDarkBackground(true)
}
