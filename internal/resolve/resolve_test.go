package resolve

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// resolveCase is one import to resolve in a fixture app under testdata.
// Paths are relative to testdata with forward slashes, and "{testdata}" in
// a specifier stands for the absolute testdata folder.
type resolveCase struct {
	name      string
	app       string
	from      string
	specifier string

	path     string // expected source file
	asset    string // expected non-source file
	external string // expected package name of an External result
	subpath  string // expected Subpath of an External result
	builtin  bool
	reason   string // expected part of Reason
}

var resolveCases = []resolveCase{
	// Relative specifiers, extension probing and index files.
	{name: "relative sibling", app: web, from: webAction, specifier: "./page", path: "monorepo/apps/web/src/app/page.tsx"},
	{name: "js names ts", app: web, from: webAction, specifier: "../lib/auth.js", path: "monorepo/apps/web/src/lib/auth.ts"},
	{name: "js names ts from sibling", app: web, from: "monorepo/apps/web/src/lib/session.ts", specifier: "./auth.js", path: "monorepo/apps/web/src/lib/auth.ts"},
	{name: "mjs kept without mts", app: web, from: webAction, specifier: "../lib/legacy.mjs", path: "monorepo/apps/web/src/lib/legacy.mjs"},
	{name: "mjs names mts", app: web, from: webAction, specifier: "../lib/format.mjs", path: "monorepo/apps/web/src/lib/format.mts"},
	{name: "mts probed", app: web, from: webAction, specifier: "../lib/format", path: "monorepo/apps/web/src/lib/format.mts"},
	{name: "js names jsx", app: web, from: webAction, specifier: "../components/Card.js", path: "monorepo/apps/web/src/components/Card.jsx"},
	{name: "jsx probed", app: web, from: webAction, specifier: "../components/Card", path: "monorepo/apps/web/src/components/Card.jsx"},
	{name: "folder index", app: web, from: webAction, specifier: "../components/Button", path: "monorepo/apps/web/src/components/Button/index.tsx"},
	{name: "folder index with slash", app: web, from: webAction, specifier: "../components/Button/", path: "monorepo/apps/web/src/components/Button/index.tsx"},
	{name: "absolute path", app: web, from: webAction, specifier: "{testdata}/monorepo/apps/web/src/lib/db", path: "monorepo/apps/web/src/lib/db.ts"},
	{name: "stylesheet asset", app: web, from: webAction, specifier: "./globals.css", asset: "monorepo/apps/web/src/app/globals.css"},
	{name: "declaration only", app: web, from: webAction, specifier: "../lib/types", reason: "declaration file apps/web/src/lib/types.d.ts"},
	{name: "missing relative", app: web, from: webAction, specifier: "./missing", reason: `"./missing" names no source file`},
	{name: "into node_modules", app: web, from: webAction, specifier: "../../../../node_modules/left-pad/index.js", reason: "node_modules"},

	// tsconfig paths and baseUrl.
	{name: "paths wildcard", app: web, from: webAction, specifier: "@/lib/session", path: "monorepo/apps/web/src/lib/session.ts"},
	{name: "paths folder package.json", app: web, from: webAction, specifier: "@/features/billing", path: "monorepo/apps/web/src/features/billing/billing.ts"},
	{name: "paths second target", app: web, from: webAction, specifier: "~lib/legacy-helpers", path: "monorepo/apps/web/lib/legacy-helpers.ts"},
	{name: "paths no target", app: web, from: webAction, specifier: "~lib/nothing", reason: `matches the paths alias "~lib/*" of apps/web/tsconfig.json`},
	{name: "paths exact", app: web, from: webAction, specifier: "@config", path: "monorepo/apps/web/config/env.ts"},
	{name: "paths outside root", app: web, from: webAction, specifier: "@outside/secret", reason: `matches the paths alias "@outside/*"`},
	{name: "baseUrl import", app: web, from: webAction, specifier: "config/flags", path: "monorepo/apps/web/config/flags.js"},
	{name: "paths replace inherited", app: web, from: webAction, specifier: "@shared/button", external: "@shared/button"},
	{name: "inherited paths", app: admin, from: "monorepo/apps/admin/app/page.tsx", specifier: "@shared/button", path: "monorepo/packages/ui/src/button.tsx"},
	{name: "extends from node_modules", app: "monorepo/apps/ext", from: "monorepo/apps/ext/app/page.tsx", specifier: "util-local", path: "monorepo/apps/ext/src/util-local.ts"},
	{name: "extends array configDir", app: "monorepo/apps/ext", from: "monorepo/apps/ext/app/page.tsx", specifier: "~/util-local", path: "monorepo/apps/ext/src/util-local.ts"},
	{name: "jsconfig paths", app: docs, from: "monorepo/apps/docs/pages/index.js", specifier: "@components/Header", path: "monorepo/apps/docs/src/components/Header.jsx"},
	{name: "jsconfig baseUrl", app: docs, from: "monorepo/apps/docs/pages/index.js", specifier: "lib/mdx", path: "monorepo/apps/docs/src/lib/mdx.cjs"},
	{name: "malformed config relative", app: broken, from: "monorepo/apps/broken/app/page.tsx", specifier: "./helper", path: "monorepo/apps/broken/app/helper.ts"},
	{name: "malformed config alias", app: broken, from: "monorepo/apps/broken/app/page.tsx", specifier: "@/app/helper", reason: "nor a valid package name"},
	{name: "cycle paths", app: cycle, from: "monorepo/apps/cycle/src/index.ts", specifier: "@cycle/util", path: "monorepo/apps/cycle/src/util.ts"},
	{name: "cycle baseUrl", app: cycle, from: "monorepo/apps/cycle/src/util.ts", specifier: "index", path: "monorepo/apps/cycle/src/index.ts"},

	// package.json imports.
	{name: "imports exact", app: web, from: webAction, specifier: "#env", path: "monorepo/apps/web/src/env.ts"},
	{name: "imports pattern", app: web, from: webAction, specifier: "#internal/flags", path: "monorepo/apps/web/src/internal/flags.ts"},
	{name: "imports package", app: web, from: webAction, specifier: "#react", external: "react"},
	{name: "imports missing", app: web, from: webAction, specifier: "#nope", reason: `"#nope" has no entry in the imports field of apps/web/package.json`},

	// Workspace packages.
	{name: "exports types to src", app: web, from: webAction, specifier: "@acme/auth", path: "monorepo/packages/auth/src/index.ts"},
	{name: "exports subpath to src", app: web, from: webAction, specifier: "@acme/auth/server", path: "monorepo/packages/auth/src/server.ts"},
	{name: "exports pattern to src", app: web, from: webAction, specifier: "@acme/auth/roles", path: "monorepo/packages/auth/src/roles.ts"},
	{name: "exports null", app: web, from: webAction, specifier: "@acme/auth/internal/secret", reason: "maps \"./internal/secret\" to null"},
	{name: "exports unknown condition", app: web, from: webAction, specifier: "@acme/auth/edge", reason: "no known condition"},
	{name: "exports asset", app: web, from: webAction, specifier: "@acme/auth/package.json", asset: "monorepo/packages/auth/package.json"},
	{name: "exports string", app: web, from: webAction, specifier: "@acme/utils", path: "monorepo/packages/utils/src/index.ts"},
	{name: "exports string subpath", app: web, from: webAction, specifier: "@acme/utils/x", reason: `no entry for "./x"`},
	{name: "main field", app: web, from: webAction, specifier: "@acme/ui", path: "monorepo/packages/ui/src/index.tsx"},
	{name: "subpath without exports", app: web, from: webAction, specifier: "@acme/ui/src/button", path: "monorepo/packages/ui/src/button.tsx"},
	{name: "package index", app: web, from: webAction, specifier: "@acme/db", path: "monorepo/packages/db/index.ts"},
	{name: "package subfolder index", app: web, from: webAction, specifier: "@acme/db/schema", path: "monorepo/packages/db/schema/index.ts"},
	{name: "excluded package", app: web, from: webAction, specifier: "@acme/ignored", external: "@acme/ignored"},
	{name: "pnpm module field", app: "pnpm/apps/site", from: "pnpm/apps/site/app/page.tsx", specifier: "@p/core", path: "pnpm/libs/nested/core/src/main.ts"},
	{name: "pnpm excluded", app: "pnpm/apps/site", from: "pnpm/apps/site/app/page.tsx", specifier: "@p/sample", external: "@p/sample"},
	{name: "yarn object workspaces", app: "yarn/web", from: "yarn/web/pages/api/hello.ts", specifier: "yarn-shared/helpers", path: "yarn/shared/helpers.js"},

	// External packages and built-ins.
	{name: "package subpath", app: web, from: webAction, specifier: "next/navigation", external: "next", subpath: "/navigation"},
	{name: "scoped subpath", app: web, from: webAction, specifier: "@clerk/nextjs/server", external: "@clerk/nextjs", subpath: "/server"},
	{name: "package root", app: web, from: webAction, specifier: "next-auth", external: "next-auth"},
	{name: "installed package", app: web, from: webAction, specifier: "left-pad", external: "left-pad"},
	{name: "node prefix", app: web, from: webAction, specifier: "node:fs", external: "fs", builtin: true},
	{name: "node prefix only", app: web, from: webAction, specifier: "node:test", external: "test", builtin: true},
	{name: "builtin subpath", app: web, from: webAction, specifier: "fs/promises", external: "fs", subpath: "/promises", builtin: true},
	{name: "builtin bare", app: web, from: webAction, specifier: "child_process", external: "child_process", builtin: true},
	{name: "scope only", app: web, from: webAction, specifier: "@acme", reason: `"@acme" is neither`},
	{name: "url import", app: web, from: webAction, specifier: "https://esm.sh/zod", reason: "URL import"},
	{name: "empty specifier", app: web, from: webAction, specifier: "", reason: "empty import specifier"},

	// An app outside any workspace.
	{name: "standalone paths", app: standalone, from: "standalone/app/page.tsx", specifier: "@/lib/util", path: "standalone/lib/util.ts"},
	{name: "standalone alias outside", app: standalone, from: "standalone/app/page.tsx", specifier: "@up/secret", reason: `matches the paths alias "@up/*"`},
	{name: "standalone relative outside", app: standalone, from: "standalone/app/page.tsx", specifier: "../../outside/secret", reason: "outside the workspace root"},
}

const (
	web        = "monorepo/apps/web"
	webAction  = "monorepo/apps/web/src/app/actions.ts"
	admin      = "monorepo/apps/admin"
	docs       = "monorepo/apps/docs"
	broken     = "monorepo/apps/broken"
	cycle      = "monorepo/apps/cycle"
	standalone = "standalone"
)

func testdataDir(t testing.TB) string {
	t.Helper()

	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatalf("cannot find testdata: %v", err)
	}
	return dir
}

// fixturePath turns a testdata-relative fixture path into an absolute one.
func fixturePath(testdata, rel string) string {
	if rel == "" {
		return ""
	}
	return filepath.Join(testdata, filepath.FromSlash(rel))
}

// resolverCache gives each fixture app one Resolver, shared by the cases.
type resolverCache struct {
	mu        sync.Mutex
	resolvers map[string]*Resolver
}

func (c *resolverCache) get(dir string) *Resolver {
	c.mu.Lock()
	defer c.mu.Unlock()

	if c.resolvers == nil {
		c.resolvers = make(map[string]*Resolver)
	}
	if r, ok := c.resolvers[dir]; ok {
		return r
	}
	r := New(dir)
	c.resolvers[dir] = r
	return r
}

func checkResult(t *testing.T, testdata string, tc resolveCase, got Result) {
	t.Helper()

	if want := fixturePath(testdata, tc.path); got.Path != want {
		t.Errorf("Path = %q, want %q (reason %q)", got.Path, want, got.Reason)
	}
	if want := fixturePath(testdata, tc.asset); got.Asset != want {
		t.Errorf("Asset = %q, want %q", got.Asset, want)
	}
	if want := tc.external != ""; got.External != want {
		t.Errorf("External = %v, want %v", got.External, want)
	}
	if got.Package != tc.external {
		t.Errorf("Package = %q, want %q", got.Package, tc.external)
	}
	if got.Subpath != tc.subpath {
		t.Errorf("Subpath = %q, want %q", got.Subpath, tc.subpath)
	}
	if got.Builtin != tc.builtin {
		t.Errorf("Builtin = %v, want %v", got.Builtin, tc.builtin)
	}

	if tc.reason == "" && got.Reason != "" {
		t.Errorf("Reason = %q, want none", got.Reason)
	}
	if tc.reason != "" && !strings.Contains(got.Reason, tc.reason) {
		t.Errorf("Reason = %q, want it to contain %q", got.Reason, tc.reason)
	}
	if got.Resolved() != (tc.reason == "") {
		t.Errorf("Resolved() = %v, want %v", got.Resolved(), tc.reason == "")
	}
}

func TestResolve(t *testing.T) {
	testdata := testdataDir(t)
	var cache resolverCache

	for _, tc := range resolveCases {
		t.Run(tc.name, func(t *testing.T) {
			r := cache.get(fixturePath(testdata, tc.app))
			specifier := strings.ReplaceAll(tc.specifier, "{testdata}", filepath.ToSlash(testdata))

			got := r.Resolve(fixturePath(testdata, tc.from), specifier)
			checkResult(t, testdata, tc, got)
		})
	}
}

// TestResolveConcurrent resolves every case from many goroutines at once on
// cold resolvers, so that the race detector checks the caches while they
// fill, and checks that the results do not change.
func TestResolveConcurrent(t *testing.T) {
	testdata := testdataDir(t)
	var cache resolverCache

	const goroutines = 16
	results := make([][]Result, goroutines)

	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			results[g] = make([]Result, len(resolveCases))
			for i := range resolveCases {
				// Each goroutine starts at a different case so that they
				// fill different cache entries at the same moment.
				index := (i + g*7) % len(resolveCases)
				tc := resolveCases[index]
				specifier := strings.ReplaceAll(tc.specifier, "{testdata}", filepath.ToSlash(testdata))
				results[g][index] = cache.get(fixturePath(testdata, tc.app)).Resolve(fixturePath(testdata, tc.from), specifier)
			}
		})
	}
	wg.Wait()

	for g := range goroutines {
		for i, tc := range resolveCases {
			t.Run(tc.name, func(t *testing.T) {
				checkResult(t, testdata, tc, results[g][i])
			})
		}
	}
}

func TestWarnings(t *testing.T) {
	testdata := testdataDir(t)

	tests := []struct {
		name string
		app  string
		from string
		want []string // parts of one warning each; none when empty
	}{
		{name: "clean app", app: web, from: webAction},
		{name: "malformed tsconfig", app: broken, from: "monorepo/apps/broken/app/page.tsx", want: []string{"apps/broken/tsconfig.json: invalid config"}},
		{name: "extends cycle", app: cycle, from: "monorepo/apps/cycle/src/index.ts", want: []string{"apps/cycle/tsconfig.b.json: extends cycle through apps/cycle/tsconfig.a.json"}},
		{name: "extends outside root", app: standalone, from: "standalone/app/page.tsx", want: []string{`tsconfig.json: extends "../base.json" names no config file within the workspace`}},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(fixturePath(testdata, tt.app))
			r.Resolve(fixturePath(testdata, tt.from), "@/anything")

			warnings := r.Warnings()
			if len(warnings) != len(tt.want) {
				t.Fatalf("Warnings() = %q, want %d warning(s)", warnings, len(tt.want))
			}
			for i, part := range tt.want {
				if !strings.Contains(warnings[i], part) {
					t.Errorf("warning %d = %q, want it to contain %q", i, warnings[i], part)
				}
			}
		})
	}
}

func TestRoot(t *testing.T) {
	testdata := testdataDir(t)

	tests := []struct {
		app  string
		want string
	}{
		{app: web, want: "monorepo"},
		{app: "pnpm/apps/site", want: "pnpm"},
		{app: "yarn/web", want: "yarn"},
		{app: standalone, want: standalone},
	}

	for _, tt := range tests {
		t.Run(tt.app, func(t *testing.T) {
			if got, want := New(fixturePath(testdata, tt.app)).Root(), fixturePath(testdata, tt.want); got != want {
				t.Errorf("Root() = %q, want %q", got, want)
			}
		})
	}
}

// TestSymlinkOutOfRoot builds a tree whose links point outside it, because
// git fixtures cannot hold links to a temporary folder.
func TestSymlinkOutOfRoot(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "app")
	outside := filepath.Join(base, "outside")

	writeFile(t, filepath.Join(root, "package.json"), `{"name": "app", "dependencies": {"next": "15.0.0"}}`)
	writeFile(t, filepath.Join(root, "page.ts"), `import "./escape";`)
	writeFile(t, filepath.Join(root, "inside.ts"), `export {};`)
	writeFile(t, filepath.Join(outside, "secret.ts"), `export {};`)
	mkdir(t, filepath.Join(root, ".git"))

	symlink(t, filepath.Join(outside, "secret.ts"), filepath.Join(root, "escape.ts"))
	symlink(t, outside, filepath.Join(root, "linked"))
	symlink(t, filepath.Join(root, "inside.ts"), filepath.Join(root, "alias.ts"))

	tests := []struct {
		specifier string
		path      string
		reason    string
	}{
		{specifier: "./escape", reason: "symbolic link that leaves the workspace root"},
		{specifier: "./linked/secret", reason: "symbolic link that leaves the workspace root"},
		{specifier: "./alias", path: filepath.Join(root, "alias.ts")},
	}

	r := New(root)
	for _, tt := range tests {
		t.Run(tt.specifier, func(t *testing.T) {
			got := r.Resolve(filepath.Join(root, "page.ts"), tt.specifier)
			if got.Path != tt.path {
				t.Errorf("Path = %q, want %q", got.Path, tt.path)
			}
			if tt.reason != "" && !strings.Contains(got.Reason, tt.reason) {
				t.Errorf("Reason = %q, want it to contain %q", got.Reason, tt.reason)
			}
		})
	}
}

func TestSplitPackageSpecifier(t *testing.T) {
	tests := []struct {
		specifier string
		name      string
		subpath   string
		valid     bool
	}{
		{specifier: "react", name: "react", valid: true},
		{specifier: "react-dom/client", name: "react-dom", subpath: "/client", valid: true},
		{specifier: "@scope/name", name: "@scope/name", valid: true},
		{specifier: "@scope/name/a/b", name: "@scope/name", subpath: "/a/b", valid: true},
		{specifier: "@scope", valid: false},
		{specifier: "@/components", valid: false},
		{specifier: "~/lib", valid: false},
		{specifier: ".hidden", valid: false},
		{specifier: "_private", valid: false},
	}

	for _, tt := range tests {
		t.Run(tt.specifier, func(t *testing.T) {
			name, subpath, valid := splitPackageSpecifier(tt.specifier)
			if valid != tt.valid {
				t.Fatalf("valid = %v, want %v", valid, tt.valid)
			}
			if name != tt.name {
				t.Errorf("name = %q, want %q", name, tt.name)
			}
			if subpath != tt.subpath {
				t.Errorf("subpath = %q, want %q", subpath, tt.subpath)
			}
		})
	}
}

func TestSourceCandidates(t *testing.T) {
	tests := []struct {
		target string
		want   []string
	}{
		{target: "dist/index.d.ts", want: []string{"src/index"}},
		{target: "dist/server.mjs", want: []string{"src/server"}},
		{target: "build/esm/roles.js", want: []string{"src/esm/roles", "src/roles"}},
		{target: "dist/types/index.d.mts", want: []string{"src/types/index", "src/index"}},
		{target: "lib/index.js"},
		{target: "index.js"},
	}

	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			got := sourceCandidates(tt.target)
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("sourceCandidates(%q) = %q, want %q", tt.target, got, tt.want)
			}
		})
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	mkdir(t, filepath.Dir(path))
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot create symbolic links here: %v", err)
	}
}
