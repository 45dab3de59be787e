package report

import "github.com/sirkel/sirkel/assessment/lang"

// The printers of the tests, and the sheets' names in bokmål, which the
// workbooks have by default.
var (
	nb        = lang.For(lang.NB)
	nn        = lang.For(lang.NN)
	nbReport  = reportSheetNames(nb)
	nbCompare = compareSheetNames(nb)
)
