package policy

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadSpecExample(t *testing.T) {
	p, err := Load("testdata/valid.json")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}

	want := &Policy{
		Guards: Guards{
			Authentication: []string{"requireSession", "@acme/auth#assertSignedIn"},
			Authorization:  []string{"requireAdmin"},
		},
		Rules: []Rule{
			{Pattern: "app/(marketing)/actions.ts#subscribe", Access: AccessPublic, Reason: "newsletter form, rate limited", Line: 9},
			{Pattern: "app/admin/**", Access: AccessRole, Roles: []string{"admin", "super_admin"}, Line: 10},
		},
		Ignore: []string{"scripts/**"},
	}
	if diff := cmp.Diff(want, p, cmpIgnoreFile); diff != "" {
		t.Errorf("Load mismatch (-want +got):\n%s", diff)
	}

	if !filepath.IsAbs(p.File) {
		t.Errorf("File = %q, want an absolute path", p.File)
	}
	if filepath.Base(p.File) != "valid.json" {
		t.Errorf("File = %q, want it to name valid.json", p.File)
	}
}

// cmpIgnoreFile leaves Policy.File out of comparisons, because it depends on
// where the repository is checked out.
var cmpIgnoreFile = cmp.FilterPath(func(p cmp.Path) bool {
	return p.String() == "File"
}, cmp.Ignore())

func TestLoadLenientSyntax(t *testing.T) {
	p, err := Load("testdata/lenient.json")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}

	want := &Policy{
		Guards: Guards{Authentication: []string{"#lib/auth#requireUser", "auth.protect"}},
		Rules: []Rule{
			{Pattern: "app/api/health/route.ts#GET", Access: AccessPublic, Line: 9},
			{Pattern: "app/settings/actions.ts#*", Access: AccessAuthenticated, Line: 10},
			{Pattern: "app/billing/**", Access: AccessAuthenticated, Reason: "customers only", Line: 11},
		},
		Ignore: []string{"e2e", "**/*.stories.tsx"},
	}
	if diff := cmp.Diff(want, p, cmpIgnoreFile); diff != "" {
		t.Errorf("Load mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadByteOrderMark(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	content := "\ufeff{\n  \"entries\": {\n    \"app/a.ts#x\": { \"access\": \"public\", \"reason\": \"r\" }\n  }\n}\n"
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}

	p, err := Load(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(p.Rules) != 1 {
		t.Fatalf("got %d rules, want 1", len(p.Rules))
	}
	if p.Rules[0].Line != 3 {
		t.Errorf("rule line = %d, want 3", p.Rules[0].Line)
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)

	_, err := Load(path)
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load error = %v, want one wrapping os.ErrNotExist", err)
	}
	if err != nil && !strings.Contains(err.Error(), path) {
		t.Errorf("Load error = %q, want it to name %s", err, path)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		file    string
		line    int
		key     string
		problem string // a part of Error.Problem
	}{
		{"syntax.json", 4, "", `invalid JSON at column 5: invalid character '"' after object value`},
		{"unknown-top-key.json", 3, "entires", "unknown key; the valid keys are guards, entries and ignore"},
		{"unknown-rule-key.json", 4, `entries["app/a.ts#x"].acess`, "unknown key; the valid keys are access, reason and roles"},
		{"unknown-guards-key.json", 3, "guards.authenticaton", "unknown key; the valid keys are authentication and authorization"},
		{"unknown-access.json", 7, `entries["app/admin/**"].access`, `unknown access level "admin"; use public, authenticated or role`},
		{"role-without-roles.json", 3, `entries["app/admin/**"].roles`, `access "role" needs a non-empty roles list`},
		{"role-empty-roles.json", 4, `entries["app/admin/**"].roles`, `access "role" needs a non-empty roles list`},
		{"role-blank-name.json", 5, `entries["app/admin/**"].roles[1]`, "empty role name"},
		{"roles-without-role.json", 5, `entries["app/admin/**"].roles`, `roles apply only to access "role", but the access is "authenticated"`},
		{"entries-array.json", 2, "entries", "must be an object from entry IDs or globs to rules, not an array"},
		{"rule-string.json", 3, `entries["app/a.ts#x"]`, "must be an object such as"},
		{"access-number.json", 4, `entries["app/a.ts#x"].access`, "must be a string, not a number"},
		{"roles-string.json", 5, `entries["app/admin/**"].roles`, "must be an array of strings, not a string"},
		{"ignore-string.json", 2, "ignore", "must be an array of strings, not a string"},
		{"guard-null.json", 5, "guards.authentication[1]", "must be a string, not null"},
		{"guard-call.json", 3, "guards.authorization[0]", `invalid guard "requireAdmin()"`},
		{"guard-empty-name.json", 3, "guards.authentication[0]", `"" is not a function name`},
		{"guard-empty-module.json", 3, "guards.authentication[0]", "the module before # is empty"},
		{"ignore-bad-glob.json", 4, "ignore[1]", "invalid glob"},
		{"rule-bad-glob.json", 3, `entries["app/{admin,staff/**"]`, "invalid glob"},
		{"rule-empty-file.json", 3, `entries["#deleteUser"]`, "write **#deleteUser"},
		{"rule-empty-name.json", 3, `entries["app/a.ts#"]`, "the export name after # is empty"},
		{"rule-absolute.json", 3, `entries["/app/a.ts#x"]`, "starts with /"},
		{"rule-trailing-slash.json", 3, `entries["app/admin/"]`, "write app/admin/** to match everything below the folder"},
		{"rule-empty-key.json", 3, `entries[""]`, "empty entry ID"},
		{"duplicate-rule.json", 4, `entries["app/a.ts#x"]`, "duplicate key, first defined at line 3"},
		{"not-object.json", 1, "", "the policy must be a JSON object, not an array"},
		{"empty.json", 1, "", "invalid JSON"},
		{"too-deep.json", 1, "", "nest more than 32 levels deep"},
	}

	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "invalid", tt.file)

			_, err := Load(path)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}

			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("Load error %q is not a *policy.Error", err)
			}
			if perr.File != path {
				t.Errorf("File = %q, want %q", perr.File, path)
			}
			if perr.Line != tt.line {
				t.Errorf("Line = %d, want %d (error: %v)", perr.Line, tt.line, err)
			}
			if perr.Key != tt.key {
				t.Errorf("Key = %q, want %q", perr.Key, tt.key)
			}
			if !strings.Contains(perr.Problem, tt.problem) {
				t.Errorf("Problem = %q, want it to contain %q", perr.Problem, tt.problem)
			}
		})
	}
}

func TestErrorFormat(t *testing.T) {
	_, err := Load("testdata/invalid/unknown-access.json")

	want := `testdata/invalid/unknown-access.json:7: entries["app/admin/**"].access: unknown access level "admin"; use public, authenticated or role`
	if err == nil || err.Error() != want {
		t.Errorf("Load error = %v, want %s", err, want)
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	content := `{
  "entries": {
    "app/a.ts#x": { "access": "admin" },
    "app/b.ts#y": { "acess": "public" },
  },
  "ignroe": [],
}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}

	_, err := Load(path)

	var lines []int
	for _, e := range unwrapAll(err) {
		var perr *Error
		if errors.As(e, &perr) {
			lines = append(lines, perr.Line)
		}
	}
	if diff := cmp.Diff([]int{3, 4, 6}, lines); diff != "" {
		t.Errorf("problem lines mismatch (-want +got):\n%s", diff)
	}
}

func unwrapAll(err error) []error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		return joined.Unwrap()
	}
	if err == nil {
		return nil
	}

	return []error{err}
}

func TestLocate(t *testing.T) {
	tests := []struct {
		name    string
		inApp   bool
		inRoot  bool
		wantDir string // "app", "root" or "" for not found
	}{
		{name: "app root first", inApp: true, inRoot: true, wantDir: "app"},
		{name: "scan root fallback", inRoot: true, wantDir: "root"},
		{name: "app root only", inApp: true, wantDir: "app"},
		{name: "none", wantDir: ""},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			app := filepath.Join(root, "apps", "web")
			if err := os.MkdirAll(app, 0o755); err != nil {
				t.Fatal(err)
			}
			dirs := map[string]string{"app": app, "root": root}
			if tt.inApp {
				writeFile(t, filepath.Join(app, FileName), "{}")
			}
			if tt.inRoot {
				writeFile(t, filepath.Join(root, FileName), "{}")
			}

			got, ok := Locate(app, root)

			if ok != (tt.wantDir != "") {
				t.Fatalf("Locate ok = %v, want %v", ok, tt.wantDir != "")
			}
			if ok && got != filepath.Join(dirs[tt.wantDir], FileName) {
				t.Errorf("Locate = %q, want the file in %s", got, dirs[tt.wantDir])
			}
		})
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestSplitGuard(t *testing.T) {
	tests := []struct {
		guard, module, name string
	}{
		{"requireSession", "", "requireSession"},
		{"@acme/auth#assertSignedIn", "@acme/auth", "assertSignedIn"},
		{"#lib/auth#requireUser", "#lib/auth", "requireUser"},
	}

	for _, tt := range tests {
		module, name := SplitGuard(tt.guard)
		if module != tt.module {
			t.Errorf("SplitGuard(%q) module = %q, want %q", tt.guard, module, tt.module)
		}
		if name != tt.name {
			t.Errorf("SplitGuard(%q) name = %q, want %q", tt.guard, name, tt.name)
		}
	}
}
