package lockfile

import (
	"os"
	"path/filepath"
	"testing"
)

// addSeeds adds every file with the given name under testdata to the corpus.
func addSeeds(f *testing.F, name string) {
	f.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*", name))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
		f.Add(data, "apps/web")
	}
}

func FuzzParseNPM(f *testing.F) {
	addSeeds(f, "package-lock.json")
	f.Fuzz(func(t *testing.T, data []byte, appRel string) {
		_, _ = parseNPM(data, appRel)
	})
}

func FuzzParsePNPM(f *testing.F) {
	addSeeds(f, "pnpm-lock.yaml")
	f.Fuzz(func(t *testing.T, data []byte, appRel string) {
		_, _ = parsePNPM(data, appRel)
	})
}

func FuzzParseYarn(f *testing.F) {
	addSeeds(f, "yarn.lock")
	f.Fuzz(func(t *testing.T, data []byte, appRel string) {
		_, _ = parseYarn(data, appRel, map[string]string{"next": "^15.0.0"})
	})
}

func FuzzParseBun(f *testing.F) {
	addSeeds(f, "bun.lock")
	f.Fuzz(func(t *testing.T, data []byte, appRel string) {
		_, _ = parseBun(data, appRel)
	})
}
