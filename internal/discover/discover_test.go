package discover

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The trees are built by the tests rather than committed under testdata,
// because git would drop the .gitignore rules' effect and the symbolic links
// that these tests depend on.

const nextPackage = `{"name": "%s", "dependencies": {"next": "15.2.1"}}`

func nextApp(name string) string {
	return strings.Replace(nextPackage, "%s", name, 1)
}

// writeTree creates files under root. A key ending in "/" creates an empty
// folder, and every other key is a file path with its content.
func writeTree(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(path, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot create symbolic links here: %v", err)
	}
}

// newRoot returns an empty folder for a tree. It resolves symbolic links in
// the temporary folder's path, as on macOS, so expected paths compare equal.
func newRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func find(t *testing.T, paths ...string) ([]App, []string) {
	t.Helper()
	apps, warnings, err := Find(paths)
	if err != nil {
		t.Fatalf("Find(%q): %v", paths, err)
	}
	return apps, warnings
}

// appDirs returns the apps' folders relative to root, with forward slashes.
func appDirs(t *testing.T, root string, apps []App) []string {
	t.Helper()
	var dirs []string
	for _, app := range apps {
		dirs = append(dirs, relative(t, root, app.Dir))
	}
	return dirs
}

// appFiles returns the files of the app at dir, relative to dir, or fails
// the test when there is no such app.
func appFiles(t *testing.T, root, dir string, apps []App) []string {
	t.Helper()
	app := appAt(t, root, dir, apps)
	var files []string
	for _, file := range app.Files {
		files = append(files, relative(t, app.Dir, file))
	}
	return files
}

func appAt(t *testing.T, root, dir string, apps []App) App {
	t.Helper()
	want := filepath.Join(root, filepath.FromSlash(dir))
	for _, app := range apps {
		if app.Dir == want {
			return app
		}
	}
	t.Fatalf("no app at %s; apps found: %q", dir, appDirs(t, root, apps))
	return App{}
}

func relative(t *testing.T, base, path string) string {
	t.Helper()
	rel, err := filepath.Rel(base, path)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}

func hasWarning(warnings []string, parts ...string) bool {
	return slices.ContainsFunc(warnings, func(warning string) bool {
		for _, part := range parts {
			if !strings.Contains(warning, part) {
				return false
			}
		}
		return true
	})
}

func TestFindAppKinds(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string
		wantApp   bool
		wantName  string
		wantRange string
	}{
		{
			name:      "dependencies",
			files:     map[string]string{"package.json": `{"name": "shop", "dependencies": {"next": "^15.1.0"}}`},
			wantApp:   true,
			wantName:  "shop",
			wantRange: "^15.1.0",
		},
		{
			name:      "devDependencies",
			files:     map[string]string{"package.json": `{"name": "docs", "devDependencies": {"next": "14.2.3"}}`},
			wantApp:   true,
			wantName:  "docs",
			wantRange: "14.2.3",
		},
		{
			name:      "peerDependencies",
			files:     map[string]string{"package.json": `{"name": "kit", "peerDependencies": {"next": ">=13"}}`},
			wantApp:   true,
			wantName:  "kit",
			wantRange: ">=13",
		},
		{
			name: "dependencies before devDependencies",
			files: map[string]string{"package.json": `{"name": "both",
				"devDependencies": {"next": "canary"}, "dependencies": {"next": "15.0.0"}}`},
			wantApp:   true,
			wantName:  "both",
			wantRange: "15.0.0",
		},
		{
			name:      "byte order mark",
			files:     map[string]string{"package.json": "\ufeff" + `{"name": "bom", "dependencies": {"next": "15.0.0"}}`},
			wantApp:   true,
			wantName:  "bom",
			wantRange: "15.0.0",
		},
		{
			name:     "next.config.js without package.json",
			files:    map[string]string{"next.config.js": "module.exports = {}"},
			wantApp:  true,
			wantName: "app",
		},
		{
			name:     "next.config.mjs",
			files:    map[string]string{"next.config.mjs": "export default {}"},
			wantApp:  true,
			wantName: "app",
		},
		{
			name:     "next.config.ts",
			files:    map[string]string{"next.config.ts": "export default {}"},
			wantApp:  true,
			wantName: "app",
		},
		{
			name:     "next.config.cjs",
			files:    map[string]string{"next.config.cjs": "module.exports = {}"},
			wantApp:  true,
			wantName: "app",
		},
		{
			name:     "next.config.mts",
			files:    map[string]string{"next.config.mts": "export default {}"},
			wantApp:  true,
			wantName: "app",
		},
		{
			name:     "next.config with package.json without next",
			files:    map[string]string{"package.json": `{"name": "configured"}`, "next.config.js": ""},
			wantApp:  true,
			wantName: "configured",
		},
		{
			name:    "package.json without next",
			files:   map[string]string{"package.json": `{"name": "lib", "dependencies": {"react": "19.0.0"}}`},
			wantApp: false,
		},
		{
			name:    "next only in scripts",
			files:   map[string]string{"package.json": `{"name": "lib", "scripts": {"next": "next dev"}}`},
			wantApp: false,
		},
		{
			name:    "field names match exactly",
			files:   map[string]string{"package.json": `{"name": "lib", "Dependencies": {"next": "15.0.0"}}`},
			wantApp: false,
		},
		{
			name:    "folder named next.config.js",
			files:   map[string]string{"next.config.js/": ""},
			wantApp: false,
		},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			root := newRoot(t)
			files := map[string]string{"app/page.tsx": "export default function Page() {}"}
			for name, content := range test.files {
				files["app/"+name] = content
			}
			writeTree(t, root, files)

			apps, _ := find(t, root)

			if !test.wantApp {
				if len(apps) != 0 {
					t.Fatalf("apps = %q, want none", appDirs(t, root, apps))
				}
				return
			}
			app := appAt(t, root, "app", apps)
			if app.Name != test.wantName {
				t.Errorf("Name = %q, want %q", app.Name, test.wantName)
			}
			if app.NextRange != test.wantRange {
				t.Errorf("NextRange = %q, want %q", app.NextRange, test.wantRange)
			}
			// A next.config file is a module of the app like any other.
			want := []string{"page.tsx"}
			for name := range test.files {
				if strings.HasPrefix(name, "next.config.") {
					want = append(want, name)
				}
			}
			slices.Sort(want)
			if got := appFiles(t, root, "app", apps); !slices.Equal(got, want) {
				t.Errorf("Files = %q, want %q", got, want)
			}
		})
	}
}

func TestFindMonorepo(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		"package.json":                                   `{"name": "monorepo", "private": true, "workspaces": ["apps/*", "packages/*"]}`,
		"scripts/seed.ts":                                "",
		"apps/web/package.json":                          nextApp("web"),
		"apps/web/app/page.tsx":                          "",
		"apps/web/app/actions.ts":                        "",
		"apps/web/examples/demo/next.config.js":          "",
		"apps/web/examples/demo/app/page.tsx":            "",
		"apps/web/examples/readme.ts":                    "",
		"apps/admin/package.json":                        nextApp("@acme/admin"),
		"apps/admin/src/app/admin/actions.ts":            "",
		"packages/ui/package.json":                       `{"name": "@acme/ui", "dependencies": {"react": "19.0.0"}}`,
		"packages/ui/button.tsx":                         "",
		"packages/sites/clients/acme/package.json":       nextApp("acme-site"),
		"packages/sites/clients/acme/pages/api/hello.ts": "",
	})

	apps, warnings := find(t, root)

	wantDirs := []string{"apps/admin", "apps/web", "apps/web/examples/demo", "packages/sites/clients/acme"}
	if got := appDirs(t, root, apps); !slices.Equal(got, wantDirs) {
		t.Errorf("apps = %q, want %q", got, wantDirs)
	}
	if got, want := appFiles(t, root, "apps/web", apps), []string{"app/actions.ts", "app/page.tsx", "examples/readme.ts"}; !slices.Equal(got, want) {
		t.Errorf("apps/web files = %q, want %q (without the nested app's files)", got, want)
	}
	if got, want := appFiles(t, root, "apps/web/examples/demo", apps), []string{"app/page.tsx", "next.config.js"}; !slices.Equal(got, want) {
		t.Errorf("apps/web/examples/demo files = %q, want %q", got, want)
	}
	if got, want := appAt(t, root, "apps/admin", apps).Name, "@acme/admin"; got != want {
		t.Errorf("apps/admin name = %q, want %q", got, want)
	}
	if got, want := appAt(t, root, "apps/web/examples/demo", apps).Name, "demo"; got != want {
		t.Errorf("apps/web/examples/demo name = %q, want the folder name %q", got, want)
	}
	for _, app := range apps {
		if app.ScanRoot != root {
			t.Errorf("%s: ScanRoot = %q, want %q", app.Dir, app.ScanRoot, root)
		}
	}
	if len(warnings) != 0 {
		t.Errorf("warnings = %q, want none", warnings)
	}
}

func TestFindFleet(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		"one/.git/":                    "",
		"one/package.json":             nextApp("one"),
		"one/app/page.tsx":             "",
		"two/.git/":                    "",
		"two/apps/site/next.config.ts": "",
		"two/apps/site/app/page.tsx":   "",
		"three/.git/":                  "",
		"three/package.json":           `{"name": "api-only"}`,
		"three/index.ts":               "",
	})

	apps, _ := find(t, root)

	want := []string{"one", "two/apps/site"}
	if got := appDirs(t, root, apps); !slices.Equal(got, want) {
		t.Errorf("apps = %q, want %q", got, want)
	}
}

func TestFindSkippedFolders(t *testing.T) {
	for name := range skippedDirs {
		t.Run(name, func(t *testing.T) {
			root := newRoot(t)
			writeTree(t, root, map[string]string{
				"package.json":                    nextApp("web"),
				"app/page.tsx":                    "",
				name + "/chunk.js":                "",
				name + "/plugin/package.json":     nextApp("plugin"),
				name + "/plugin/index.js":         "",
				"app/" + name + "/nested/page.ts": "",
			})

			apps, _ := find(t, root)

			if got, want := appDirs(t, root, apps), []string{"."}; !slices.Equal(got, want) {
				t.Errorf("apps = %q, want %q", got, want)
			}
			if got, want := appFiles(t, root, ".", apps), []string{"app/page.tsx"}; !slices.Equal(got, want) {
				t.Errorf("files = %q, want %q", got, want)
			}
		})
	}
}

func TestFindSkippedNameIsFolderOnly(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		"package.json":   nextApp("web"),
		"lib/build.ts":   "",
		"lib/dist.ts":    "",
		"lib/coverage/a": "",
	})

	apps, _ := find(t, root)

	if got, want := appFiles(t, root, ".", apps), []string{"lib/build.ts", "lib/dist.ts"}; !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
}

func TestFindSourceFiles(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		"package.json":       nextApp("web"),
		"a.ts":               "",
		"b.tsx":              "",
		"c.js":               "",
		"d.jsx":              "",
		"e.mjs":              "",
		"f.cjs":              "",
		"g.mts":              "",
		"h.cts":              "",
		"env.d.ts":           "",
		"types/module.d.mts": "",
		"types/common.d.cts": "",
		"types/data.d.json":  "",
		"next-env.d.ts":      "",
		"styles.css":         "",
		"README.md":          "",
		"data.json":          "",
		"noext":              "",
		"d.ts":               "",
	})

	apps, _ := find(t, root)

	want := []string{"a.ts", "b.tsx", "c.js", "d.jsx", "d.ts", "e.mjs", "f.cjs", "g.mts", "h.cts"}
	if got := appFiles(t, root, ".", apps); !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
}

func TestFindGitignore(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		".git/":                         "",
		".git/info/exclude":             "local-notes.ts\n",
		".gitignore":                    "# generated code\r\n*.gen.ts\r\n!keep.gen.ts\r\n\r\ngenerated/\r\n/apps/legacy\r\n",
		"apps/web/package.json":         nextApp("web"),
		"apps/web/.gitignore":           "/secret.ts\ntmp/\n",
		"apps/web/app/page.tsx":         "",
		"apps/web/app/schema.gen.ts":    "",
		"apps/web/app/keep.gen.ts":      "",
		"apps/web/app/local-notes.ts":   "",
		"apps/web/app/generated/api.ts": "",
		"apps/web/app/tmp/scratch.ts":   "",
		"apps/web/secret.ts":            "",
		"apps/web/app/secret.ts":        "",
		"apps/legacy/package.json":      nextApp("legacy"),
		"apps/legacy/app/page.tsx":      "",
		"generated/site/package.json":   nextApp("generated-site"),
		"generated/site/app/page.tsx":   "",
	})
	wantWeb := []string{"app/keep.gen.ts", "app/page.tsx", "app/secret.ts"}

	t.Run("from repository root", func(t *testing.T) {
		apps, _ := find(t, root)

		if got, want := appDirs(t, root, apps), []string{"apps/web"}; !slices.Equal(got, want) {
			t.Errorf("apps = %q, want %q (ignored folders hold no apps)", got, want)
		}
		if got := appFiles(t, root, "apps/web", apps); !slices.Equal(got, wantWeb) {
			t.Errorf("files = %q, want %q", got, wantWeb)
		}
	})

	t.Run("ancestor rules apply below the repository root", func(t *testing.T) {
		apps, _ := find(t, filepath.Join(root, "apps", "web"))

		if got := appFiles(t, root, "apps/web", apps); !slices.Equal(got, wantWeb) {
			t.Errorf("files = %q, want %q", got, wantWeb)
		}
	})

	t.Run("explicit path inside an ignored folder", func(t *testing.T) {
		apps, _ := find(t, filepath.Join(root, "generated", "site"))

		if got, want := appDirs(t, root, apps), []string{"generated/site"}; !slices.Equal(got, want) {
			t.Fatalf("apps = %q, want %q", got, want)
		}
		if got, want := appFiles(t, root, "generated/site", apps), []string{"app/page.tsx"}; !slices.Equal(got, want) {
			t.Errorf("files = %q, want %q", got, want)
		}
	})
}

func TestFindGitignoreOutsideRepository(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		".gitignore":        "*.ts\n",
		"scan/package.json": nextApp("web"),
		"scan/.gitignore":   "draft.ts\n",
		"scan/app/page.ts":  "",
		"scan/app/draft.ts": "",
	})

	apps, _ := find(t, filepath.Join(root, "scan"))

	// Without a repository, the .gitignore above the scanned path is not
	// consulted, while the one inside it is.
	if got, want := appFiles(t, root, "scan", apps), []string{"app/page.ts"}; !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
}

func TestFindNestedRepositoryRules(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		".git/":                  "",
		".gitignore":             "legacy.ts\n",
		"checkout/.git/":         "",
		"checkout/package.json":  nextApp("web"),
		"checkout/app/legacy.ts": "",
		"checkout/app/page.ts":   "",
	})

	apps, _ := find(t, root)

	// The outer repository's rules do not reach into another repository.
	if got, want := appFiles(t, root, "checkout", apps), []string{"app/legacy.ts", "app/page.ts"}; !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
}

func TestFindSymlinks(t *testing.T) {
	root := newRoot(t)
	outside := newRoot(t)
	writeTree(t, outside, map[string]string{
		"secret.ts":     "",
		"lib/helper.ts": "",
	})
	writeTree(t, root, map[string]string{
		"package.json":   nextApp("web"),
		"app/page.tsx":   "",
		"shared/util.ts": "",
	})
	symlink(t, filepath.Join(outside, "secret.ts"), filepath.Join(root, "app", "outside.ts"))
	symlink(t, filepath.Join(outside, "lib"), filepath.Join(root, "app", "lib"))
	symlink(t, filepath.Join("..", "shared", "util.ts"), filepath.Join(root, "app", "util.ts"))
	symlink(t, "..", filepath.Join(root, "app", "loop"))
	symlink(t, filepath.Join(root, "missing.ts"), filepath.Join(root, "app", "dangling.ts"))

	apps, warnings := find(t, root)

	want := []string{"app/page.tsx", "app/util.ts", "shared/util.ts"}
	if got := appFiles(t, root, ".", apps); !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
	if !hasWarning(warnings, filepath.Join(root, "app", "outside.ts"), "out of the scanned tree") {
		t.Errorf("warnings = %q, want one about the link to a file outside the tree", warnings)
	}
	if !hasWarning(warnings, filepath.Join(root, "app", "lib"), "not followed") {
		t.Errorf("warnings = %q, want one about the link to a folder outside the tree", warnings)
	}
	if !hasWarning(warnings, filepath.Join(root, "app", "loop"), "not followed") {
		t.Errorf("warnings = %q, want one about the link that forms a cycle", warnings)
	}
}

func TestFindSymlinkedPathArgument(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		"real/package.json": nextApp("web"),
		"real/app/page.tsx": "",
	})
	link := filepath.Join(root, "link")
	real := filepath.Join(root, "real")
	symlink(t, "real", link)

	// The link sorts before the real folder, so one order lists the app
	// through the link first and the other through the real folder first.
	for _, paths := range [][]string{{link, real}, {real, link}} {
		apps, _ := find(t, paths...)

		if len(apps) != 1 {
			t.Fatalf("Find(%q): apps = %q, want one app reached through both paths", paths, appDirs(t, root, apps))
		}
		if got, want := apps[0].Dir, paths[0]; got != want {
			t.Errorf("Find(%q): Dir = %q, want %q as reached through the first path", paths, got, want)
		}
		if got, want := apps[0].ScanRoot, paths[0]; got != want {
			t.Errorf("Find(%q): ScanRoot = %q, want %q", paths, got, want)
		}
		if got, want := appFiles(t, root, relative(t, root, paths[0]), apps), []string{"app/page.tsx"}; !slices.Equal(got, want) {
			t.Errorf("Find(%q): files = %q, want %q", paths, got, want)
		}
	}
}

func TestFindPathInsideApp(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		".git/":                                 "",
		"apps/web/package.json":                 nextApp("web"),
		"apps/web/app/page.tsx":                 "",
		"apps/web/app/admin/actions.ts":         "",
		"apps/web/lib/db.ts":                    "",
		"apps/web/app/embedded/next.config.js":  "",
		"apps/web/app/embedded/page.tsx":        "",
		"apps/web/examples/demo/next.config.js": "",
		"apps/web/examples/demo/page.tsx":       "",
		"apps/other/package.json":               nextApp("other"),
	})
	web := filepath.Join(root, "apps", "web")

	tests := []struct {
		name     string
		path     string
		wantDirs []string
	}{
		{"folder", filepath.Join(web, "app"), []string{"apps/web", "apps/web/app/embedded"}},
		{"deep folder", filepath.Join(web, "app", "admin"), []string{"apps/web"}},
		{"file", filepath.Join(web, "lib", "db.ts"), []string{"apps/web"}},
		{"app folder", web, []string{"apps/web", "apps/web/app/embedded", "apps/web/examples/demo"}},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			apps, warnings := find(t, test.path)

			if got := appDirs(t, root, apps); !slices.Equal(got, test.wantDirs) {
				t.Fatalf("apps = %q, want %q", got, test.wantDirs)
			}
			app := appAt(t, root, "apps/web", apps)
			if app.ScanRoot != web {
				t.Errorf("ScanRoot = %q, want the app folder %q", app.ScanRoot, web)
			}
			want := []string{"app/admin/actions.ts", "app/page.tsx", "lib/db.ts"}
			if got := appFiles(t, root, "apps/web", apps); !slices.Equal(got, want) {
				t.Errorf("files = %q, want %q", got, want)
			}
			if len(warnings) != 0 {
				t.Errorf("warnings = %q, want none", warnings)
			}
		})
	}
}

func TestFindMissingPath(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{"web/package.json": nextApp("web")})
	missing := filepath.Join(root, "no-such-app")

	apps, _, err := Find([]string{filepath.Join(root, "web"), missing})

	if err == nil {
		t.Fatalf("Find returned apps %q and no error, want an error naming %s", appDirs(t, root, apps), missing)
	}
	if !strings.Contains(err.Error(), missing) {
		t.Errorf("error %q does not name the missing path %s", err, missing)
	}
	if apps != nil {
		t.Errorf("apps = %q, want none with an error", appDirs(t, root, apps))
	}
}

func TestFindInvalidPackageJSON(t *testing.T) {
	tests := []struct {
		name        string
		content     string
		wantWarning string
	}{
		{"syntax", `{"name": "broken", "dependencies": {"next": "15"`, "invalid package.json"},
		{"top level array", `["next"]`, "invalid package.json"},
		{"dependencies not an object", `{"dependencies": ["next"]}`, `invalid "dependencies"`},
		{"range not a string", `{"dependencies": {"next": 15}}`, "invalid version range of next"},
		{"name not a string", `{"name": 7}`, `invalid "name"`},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			root := newRoot(t)
			writeTree(t, root, map[string]string{
				"broken/package.json":   test.content,
				"broken/app/page.tsx":   "",
				"good/package.json":     nextApp("good"),
				"good/app/page.tsx":     "",
				"config/package.json":   test.content,
				"config/next.config.js": "",
			})

			apps, warnings := find(t, root)

			brokenPath := filepath.Join(root, "broken", "package.json")
			if !hasWarning(warnings, brokenPath, test.wantWarning) {
				t.Errorf("warnings = %q, want one naming %s with %q", warnings, brokenPath, test.wantWarning)
			}
			dirs := appDirs(t, root, apps)
			if !slices.Contains(dirs, "good") {
				t.Errorf("apps = %q, want the walk to go on to good", dirs)
			}
			if !slices.Contains(dirs, "config") {
				t.Errorf("apps = %q, want config, which holds a next.config file", dirs)
			}
		})
	}
}

func TestFindRangeKeptWithInvalidLaterField(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		"package.json": `{"dependencies": {"next": "15.1.0"}, "peerDependencies": "oops"}`,
	})

	apps, warnings := find(t, root)

	if len(apps) != 1 || apps[0].NextRange != "15.1.0" {
		t.Errorf("apps = %+v, want one app with NextRange 15.1.0", apps)
	}
	if !hasWarning(warnings, `invalid "peerDependencies"`) {
		t.Errorf("warnings = %q, want one about peerDependencies", warnings)
	}
}

func TestFindUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("the superuser can list any folder")
	}
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		"package.json":     nextApp("web"),
		"app/page.tsx":     "",
		"locked/secret.ts": "",
	})
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })

	apps, warnings := find(t, root)

	if !hasWarning(warnings, locked, "cannot list the folder") {
		t.Errorf("warnings = %q, want one naming %s", warnings, locked)
	}
	if got, want := appFiles(t, root, ".", apps), []string{"app/page.tsx"}; !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
}

func TestFindDuplicatePaths(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		"apps/web/package.json":    nextApp("web"),
		"apps/web/app/page.tsx":    "",
		"apps/docs/next.config.js": "",
		"apps/docs/pages/api/a.ts": "",
	})
	apps := filepath.Join(root, "apps")
	web := filepath.Join(apps, "web")

	tests := []struct {
		name         string
		paths        []string
		wantDirs     []string
		wantScanRoot string // of apps/web
	}{
		{"same path twice", []string{web, web}, []string{"apps/web"}, web},
		{"unclean spelling", []string{web, web + "/./app/.."}, []string{"apps/web"}, web},
		{"outer path first", []string{apps, web}, []string{"apps/docs", "apps/web"}, apps},
		{"inner path first", []string{web, apps}, []string{"apps/docs", "apps/web"}, web},
		{"two paths inside one app", []string{filepath.Join(web, "app"), filepath.Join(web, "app", "page.tsx")}, []string{"apps/web"}, web},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			found, _ := find(t, test.paths...)

			if got := appDirs(t, root, found); !slices.Equal(got, test.wantDirs) {
				t.Fatalf("apps = %q, want %q", got, test.wantDirs)
			}
			app := appAt(t, root, "apps/web", found)
			if app.ScanRoot != test.wantScanRoot {
				t.Errorf("ScanRoot = %q, want %q", app.ScanRoot, test.wantScanRoot)
			}
			if got, want := appFiles(t, root, "apps/web", found), []string{"app/page.tsx"}; !slices.Equal(got, want) {
				t.Errorf("files = %q, want %q", got, want)
			}
		})
	}
}

func TestFindPathInSkippedFolderAfterParent(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		"package.json": nextApp("web"),
		"app/page.tsx": "",
		"node_modules/@acme/starter/package.json": nextApp("starter"),
		"node_modules/@acme/starter/app/page.tsx": "",
	})
	starter := filepath.Join(root, "node_modules", "@acme", "starter")

	apps, _ := find(t, root, starter)

	// The first path's walk skips node_modules, so the second path gets a
	// walk of its own.
	if got, want := appDirs(t, root, apps), []string{".", "node_modules/@acme/starter"}; !slices.Equal(got, want) {
		t.Errorf("apps = %q, want %q", got, want)
	}
	if got, want := appAt(t, root, "node_modules/@acme/starter", apps).ScanRoot, starter; got != want {
		t.Errorf("ScanRoot = %q, want %q", got, want)
	}
}

func TestFindNoApp(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		".git/":        "",
		"package.json": `{"name": "cli"}`,
		"src/main.ts":  "",
	})

	for _, path := range []string{root, filepath.Join(root, "src", "main.ts")} {
		apps, warnings := find(t, path)

		if len(apps) != 0 {
			t.Errorf("Find(%s): apps = %q, want none", path, appDirs(t, root, apps))
		}
		if !hasWarning(warnings, path, "no Next.js app found") {
			t.Errorf("Find(%s): warnings = %q, want one naming the path", path, warnings)
		}
	}
}

func TestFindEnclosingSearchStopsAtRepository(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		"package.json":      nextApp("outer"),
		"repo/.git/":        "",
		"repo/src/index.ts": "",
	})

	apps, _ := find(t, filepath.Join(root, "repo", "src"))

	if len(apps) != 0 {
		t.Errorf("apps = %q, want none: the app above the repository is outside it", appDirs(t, root, apps))
	}
}

func TestFindPathInsideAppNestedInUnrequestedApp(t *testing.T) {
	root := newRoot(t)
	writeTree(t, root, map[string]string{
		"web/package.json":                     nextApp("web"),
		"web/app/page.tsx":                     "",
		"web/examples/demo/next.config.js":     "",
		"web/examples/demo/page.tsx":           "",
		"web/examples/demo/inner/package.json": nextApp("inner"),
		"web/examples/demo/inner/src/page.tsx": "",
	})
	inner := filepath.Join(root, "web", "examples", "demo", "inner")

	apps, _ := find(t, filepath.Join(root, "web", "app"), filepath.Join(inner, "src"))

	// The walk for the first path stops at demo, which no path requests, but
	// inner, below it, is still found for the second path.
	if got, want := appDirs(t, root, apps), []string{"web", "web/examples/demo/inner"}; !slices.Equal(got, want) {
		t.Fatalf("apps = %q, want %q", got, want)
	}
	if got, want := appAt(t, root, "web/examples/demo/inner", apps).ScanRoot, inner; got != want {
		t.Errorf("ScanRoot = %q, want %q", got, want)
	}
	if got, want := appFiles(t, root, "web/examples/demo/inner", apps), []string{"src/page.tsx"}; !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
}
