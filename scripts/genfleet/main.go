// Command genfleet writes a synthetic Next.js fleet for timing the CLI:
//
//	go run ./scripts/genfleet -dir /tmp/fleet -apps 40 -files 250
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/actionguard/actionguard/internal/fleetgen"
)

func main() {
	dir := flag.String("dir", "", "folder to write the fleet into (required)")
	apps := flag.Int("apps", 40, "number of apps")
	files := flag.Int("files", 250, "source files per app")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "genfleet: missing -dir; name the folder to write the fleet into")
		os.Exit(2)
	}
	n, err := fleetgen.Generate(*dir, *apps, *files)
	if err != nil {
		fmt.Fprintf(os.Stderr, "genfleet: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d files in %d apps under %s\n", n, *apps, *dir)
}
