package lockfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFixtures(t *testing.T) {
	tests := []struct {
		name     string
		app      string // folder under testdata
		lockfile string // expected lockfile under testdata, "" for none
		want     map[string]string
		absent   []string // packages that must not be reported
	}{
		{
			name:     "npm v3 app nested entry wins",
			app:      "npm-v3-monorepo/apps/web",
			lockfile: "npm-v3-monorepo/package-lock.json",
			want:     map[string]string{"next": "15.2.1", "react": "19.0.0", "@clerk/nextjs": "6.12.0"},
			absent:   []string{"web", "admin"},
		},
		{
			name:     "npm v3 app without nested entry uses hoisted",
			app:      "npm-v3-monorepo/apps/admin",
			lockfile: "npm-v3-monorepo/package-lock.json",
			want:     map[string]string{"next": "14.2.3", "react": "19.0.0"},
		},
		{
			name:     "npm v1 top-level dependencies",
			app:      "npm-v1",
			lockfile: "npm-v1/package-lock.json",
			want:     map[string]string{"next": "13.4.0", "next-auth": "4.24.5", "react": "18.2.0"},
			absent:   []string{"postcss", "local-thing"},
		},
		{
			name:     "pnpm v9 app importer with peer suffix",
			app:      "pnpm-v9-monorepo/apps/web",
			lockfile: "pnpm-v9-monorepo/pnpm-lock.yaml",
			want:     map[string]string{"next": "15.2.1", "react": "19.0.0", "react-server-dom-webpack": "19.0.0", "@clerk/nextjs": "6.12.0"},
			absent:   []string{"ui"},
		},
		{
			name:     "pnpm v9 root importer",
			app:      "pnpm-v9-monorepo",
			lockfile: "pnpm-v9-monorepo/pnpm-lock.yaml",
			want:     map[string]string{"next": "14.2.3"},
		},
		{
			name:     "pnpm v6 single project",
			app:      "pnpm-v6",
			lockfile: "pnpm-v6/pnpm-lock.yaml",
			want:     map[string]string{"next": "14.1.0", "next-safe-action": "7.10.4", "@clerk/nextjs": "4.29.0", "react": "18.2.0"},
		},
		{
			name:     "pnpm v5 single project",
			app:      "pnpm-v5",
			lockfile: "pnpm-v5/pnpm-lock.yaml",
			want:     map[string]string{"next": "13.4.0", "react": "18.2.0", "@clerk/nextjs": "4.21.0", "zsa": "0.5.1"},
		},
		{
			name:     "yarn classic picks declared range",
			app:      "yarn-classic",
			lockfile: "yarn-classic/yarn.lock",
			want:     map[string]string{"next": "15.2.1", "react": "19.0.0", "@clerk/nextjs": "6.12.0"},
		},
		{
			name:     "yarn berry app workspace",
			app:      "yarn-berry-monorepo/apps/web",
			lockfile: "yarn-berry-monorepo/yarn.lock",
			want:     map[string]string{"next": "15.2.1", "react": "19.0.0"},
			absent:   []string{"web", "acme"},
		},
		{
			name:     "yarn berry root workspace",
			app:      "yarn-berry-monorepo",
			lockfile: "yarn-berry-monorepo/yarn.lock",
			want:     map[string]string{"next": "14.2.3"},
		},
		{
			name:     "bun app nested entry wins",
			app:      "bun-monorepo/apps/web",
			lockfile: "bun-monorepo/bun.lock",
			want:     map[string]string{"next": "15.2.1", "better-auth": "1.2.7", "@clerk/nextjs": "6.12.0"},
			absent:   []string{"web", "cookie", "@clerk/nextjs/cookie"},
		},
		{
			name:     "bun root uses hoisted",
			app:      "bun-monorepo",
			lockfile: "bun-monorepo/bun.lock",
			want:     map[string]string{"next": "14.2.3"},
		},
		{
			name: "bun binary lockfile skipped",
			app:  "bun-binary",
		},
		{
			name: "search stops at workspace root",
			app:  "stop-at-workspace/workspace/app",
		},
	}

	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			got, err := Read(filepath.Join("testdata", test.app))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}

			wantLockfile := ""
			if test.lockfile != "" {
				wantLockfile = mustAbs(t, filepath.Join("testdata", test.lockfile))
			}
			if got.Lockfile != wantLockfile {
				t.Errorf("Lockfile = %q, want %q", got.Lockfile, wantLockfile)
			}
			if got.Packages == nil {
				t.Errorf("Packages is nil, want a map")
			}
			for name, version := range test.want {
				if got.Packages[name] != version {
					t.Errorf("Packages[%q] = %q, want %q", name, got.Packages[name], version)
				}
			}
			for _, name := range test.absent {
				if version, ok := got.Packages[name]; ok {
					t.Errorf("Packages[%q] = %q, want no entry", name, version)
				}
			}
			if test.lockfile == "" && len(got.Packages) != 0 {
				t.Errorf("Packages = %v, want empty without a lockfile", got.Packages)
			}
		})
	}
}

func TestReadMalformed(t *testing.T) {
	tests := []struct {
		app      string
		lockfile string
		mention  string // text the error must contain besides the path
	}{
		{app: "malformed/npm", lockfile: "package-lock.json", mention: "invalid package-lock JSON"},
		{app: "malformed/pnpm", lockfile: "pnpm-lock.yaml", mention: "invalid pnpm lockfile YAML"},
		{app: "malformed/yarn", lockfile: "yarn.lock", mention: "has no version field"},
		{app: "malformed/yarn-berry", lockfile: "yarn.lock", mention: "invalid Yarn Berry"},
		{app: "malformed/bun", lockfile: "bun.lock", mention: "invalid bun.lock"},
	}

	for _, test := range tests {
		t.Run(test.app, func(t *testing.T) {
			_, err := Read(filepath.Join("testdata", test.app))
			if err == nil {
				t.Fatal("Read returned no error for a malformed lockfile")
			}

			path := mustAbs(t, filepath.Join("testdata", test.app, test.lockfile))
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file %s", err, path)
			}
			if !strings.Contains(err.Error(), test.mention) {
				t.Errorf("error %q does not say %q", err, test.mention)
			}
		})
	}
}

func TestReadStopsAtGitRoot(t *testing.T) {
	root := t.TempDir()
	outer := filepath.Join(root, "outer")
	repo := filepath.Join(outer, "repo")
	app := filepath.Join(repo, "app")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(app, 0o755); err != nil {
		t.Fatal(err)
	}
	lock := `{"lockfileVersion": 3, "packages": {"node_modules/next": {"version": "12.0.0"}}}`
	if err := os.WriteFile(filepath.Join(outer, "package-lock.json"), []byte(lock), 0o644); err != nil {
		t.Fatal(err)
	}

	got, err := Read(app)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if got.Lockfile != "" {
		t.Errorf("Lockfile = %q, want none above the .git folder", got.Lockfile)
	}
}

func TestReadFindsLockfileAtGitRoot(t *testing.T) {
	repo := t.TempDir()
	app := filepath.Join(repo, "app")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(app, 0o755); err != nil {
		t.Fatal(err)
	}
	lock := `{"lockfileVersion": 3, "packages": {"node_modules/next": {"version": "15.0.0"}}}`
	if err := os.WriteFile(filepath.Join(repo, "package-lock.json"), []byte(lock), 0o644); err != nil {
		t.Fatal(err)
	}

	got, err := Read(app)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if got.Lockfile != filepath.Join(repo, "package-lock.json") {
		t.Errorf("Lockfile = %q, want the one at the .git root", got.Lockfile)
	}
	if got.Packages["next"] != "15.0.0" {
		t.Errorf("Packages[next] = %q, want 15.0.0", got.Packages["next"])
	}
}

func TestSplitPNPMKey(t *testing.T) {
	tests := []struct {
		key, name, version string
		ok                 bool
	}{
		{key: "/next/15.2.1", name: "next", version: "15.2.1", ok: true},
		{key: "/next/13.4.0_react-dom@18.2.0+react@18.2.0", name: "next", version: "13.4.0", ok: true},
		{key: "/@clerk/nextjs/4.21.0_next@13.4.0", name: "@clerk/nextjs", version: "4.21.0", ok: true},
		{key: "/next@15.2.1", name: "next", version: "15.2.1", ok: true},
		{key: "/next@15.2.1(react@19.0.0)", name: "next", version: "15.2.1", ok: true},
		{key: "next@15.2.1(react-dom@19.0.0(react@19.0.0))", name: "next", version: "15.2.1", ok: true},
		{key: "@clerk/nextjs@6.12.0", name: "@clerk/nextjs", version: "6.12.0", ok: true},
		{key: "next@14.3.0-canary.77", name: "next", version: "14.3.0-canary.77", ok: true},
		{key: "@scope", ok: false},
		{key: "", ok: false},
		{key: "ui@link:../ui", ok: false},
	}

	for _, test := range tests {
		name, version, ok := splitPNPMKey(test.key)
		if ok != test.ok {
			t.Errorf("splitPNPMKey(%q) ok = %v, want %v", test.key, ok, test.ok)
			continue
		}
		if !ok {
			continue
		}
		if name != test.name {
			t.Errorf("splitPNPMKey(%q) name = %q, want %q", test.key, name, test.name)
		}
		if version != test.version {
			t.Errorf("splitPNPMKey(%q) version = %q, want %q", test.key, version, test.version)
		}
	}
}

func TestKeepLowest(t *testing.T) {
	packages := map[string]string{}
	for _, version := range []string{"15.2.1", "not-a-version", "14.2.3", "15.0.0-canary.1"} {
		keepLowest(packages, "next", version)
	}
	if packages["next"] != "14.2.3" {
		t.Errorf("keepLowest kept %q, want 14.2.3", packages["next"])
	}
}

func mustAbs(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
