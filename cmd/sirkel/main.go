// Command sirkel lets Norwegian municipalities assess their work on the
// circular economy, following KS's guide for the municipal sector.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], newSystemStreams()))
}
