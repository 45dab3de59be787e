package report

import "github.com/sirkel/sirkel/assessment/lang"

// The printers of the tests.
var (
	nb = lang.For(lang.NB)
	nn = lang.For(lang.NN)
)
