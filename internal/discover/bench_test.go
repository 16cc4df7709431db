package discover

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkFindFleet measures Find over a folder of 40 checkouts, each a git
// repository holding one app of 100 source files in 10 folders, plus a
// node_modules folder and gitignored output that the walk must skip.
func BenchmarkFindFleet(b *testing.B) {
	const (
		appCount     = 40
		foldersByApp = 10
		filesByDir   = 10
	)
	root := b.TempDir()
	files := map[string]string{}
	for app := range appCount {
		checkout := fmt.Sprintf("checkout-%02d", app)
		files[checkout+"/.git/"] = ""
		files[checkout+"/.gitignore"] = "*.log\n/generated/\n!keep.ts\n"
		files[checkout+"/package.json"] = nextApp(checkout)
		files[checkout+"/node_modules/react/index.js"] = ""
		files[checkout+"/generated/client.ts"] = ""
		for folder := range foldersByApp {
			for file := range filesByDir {
				files[fmt.Sprintf("%s/app/route-%d/file-%d.tsx", checkout, folder, file)] = ""
			}
		}
	}
	writeTree(b, root, files)

	for b.Loop() {
		apps, _, err := Find([]string{root})
		if err != nil {
			b.Fatal(err)
		}
		if len(apps) != appCount {
			b.Fatalf("found %d apps in %s, want %d", len(apps), filepath.Base(root), appCount)
		}
		for _, app := range apps {
			if len(app.Files) != foldersByApp*filesByDir {
				b.Fatalf("%s: %d files, want %d", app.Dir, len(app.Files), foldersByApp*filesByDir)
			}
		}
	}
}
