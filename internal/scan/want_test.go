package scan

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/actionguard/actionguard/internal/parse"
)

// wantComment matches the expectations written beside fixture code:
// // want "missing-auth P0" "unverified-guard P2"
var (
	wantComment = regexp.MustCompile(`//\s*want((?:\s+"[^"]+")+)`)
	wantItem    = regexp.MustCompile(`"([^"]+)"`)
)

// expectation is one finding, as "<file>:<line>: <rule> <severity>".
type expectation = string

// collectWants reads every `// want` comment in the source files under dir.
func collectWants(t *testing.T, dir string) map[expectation]bool {
	t.Helper()
	wants := map[expectation]bool{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "node_modules" {
			return filepath.SkipDir
		}
		if d.IsDir() || !parse.IsSource(path) && filepath.Ext(path) != ".json" {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			m := wantComment.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, item := range wantItem.FindAllStringSubmatch(m[1], -1) {
				abs, err := filepath.Abs(path)
				if err != nil {
					return err
				}
				wants[fmt.Sprintf("%s:%d: %s", filepath.ToSlash(abs), i+1, item[1])] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("reading expectations under %s: %v", dir, err)
	}
	return wants
}

// checkWants scans dir and compares the findings with the expectations
// both ways: every expected finding appears, and nothing else does.
func checkWants(t *testing.T, dir string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(Options{Paths: []string{dir}, WorkDir: wd, Version: "test"})
	if err != nil {
		t.Fatalf("scan %s: %v", dir, err)
	}
	got := map[expectation]bool{}
	for _, app := range res.Report.Apps {
		for _, f := range app.Findings {
			file := f.File
			if !filepath.IsAbs(file) {
				file = filepath.ToSlash(filepath.Join(wd, file))
			}
			got[fmt.Sprintf("%s:%d: %s %s", file, f.Line, f.Rule, f.Severity)] = true
		}
	}
	wants := collectWants(t, dir)
	var missing, unexpected []string
	for w := range wants {
		if !got[w] {
			missing = append(missing, w)
		}
	}
	for g := range got {
		if !wants[g] {
			unexpected = append(unexpected, g)
		}
	}
	sort.Strings(missing)
	sort.Strings(unexpected)
	for _, m := range missing {
		t.Errorf("missing finding %s", m)
	}
	for _, u := range unexpected {
		t.Errorf("unexpected finding %s", u)
	}
}

func TestExampleFleet(t *testing.T) {
	checkWants(t, "../../examples/fleet")
}

func TestFixtures(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		if filepath.Base(dir) == "advisories" {
			// Findings there sit in lockfiles, which cannot carry want
			// comments; advisories_test.go checks them from a table.
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			checkWants(t, dir)
		})
	}
}
