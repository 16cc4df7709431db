package advisory

import (
	"os"
	"path/filepath"
	"testing"
)

func FuzzLoad(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	more, err := filepath.Glob(filepath.Join("data", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range append(paths, more...) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		db := &DB{}
		if db.load("fuzz.json", data) != nil {
			return
		}
		for pkg := range db.byPackage {
			for _, a := range db.Affecting(pkg, "15.2.1") {
				_ = FixedVersionFor(a, "15.2.1")
			}
		}
	})
}

func FuzzMinVersion(f *testing.F) {
	for _, spec := range []string{"^15.0.0", ">=15.1.0 <16", "1.2.3 - 2.3.4", "npm:next@^15", "workspace:~1", "15.x || <14"} {
		f.Add(spec)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		_, _ = MinVersion(spec)
	})
}
