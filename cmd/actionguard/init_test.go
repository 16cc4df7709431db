package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/actionguard/actionguard/internal/policy"
	"github.com/actionguard/actionguard/internal/report"
)

// copyFixture copies testdata/initapp into a new temporary folder, makes
// that folder the working directory, and returns it. The app is at
// "initapp" below it.
func copyFixture(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("testdata", "initapp"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	dst := filepath.Join(root, "initapp")

	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copy fixture: %v", err)
	}

	t.Chdir(root)
	return root
}

// runCommand runs the command line args and returns its exit status and
// output.
func runCommand(args ...string) (status int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	status = run(args, &out, &errOut)
	return status, out.String(), errOut.String()
}

const fixturePolicy = "initapp/actionguard.json"

func TestInitWritesStarter(t *testing.T) {
	copyFixture(t)

	status, stdout, stderr := runCommand("init", "--quiet", "initapp")
	if status != 0 {
		t.Fatalf("init exit status %d, want 0\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}

	data, err := os.ReadFile(fixturePolicy)
	if err != nil {
		t.Fatalf("init wrote no policy file: %v\nstdout:\n%s", err, stdout)
	}
	text := string(data)
	if !strings.HasPrefix(text, "// actionguard policy") {
		t.Errorf("policy file does not open with the header comment:\n%s", text)
	}
	if !strings.Contains(text, "stays locked until its code is\n// guarded or it is opened here with a reason") {
		t.Errorf("header does not say that entries stay locked until guarded or opened:\n%s", text)
	}
	if !strings.Contains(text, `"ignore": []`) {
		t.Errorf("policy file has no empty ignore list:\n%s", text)
	}

	p, err := policy.Load(fixturePolicy)
	if err != nil {
		t.Fatalf("written policy does not load: %v\n%s", err, text)
	}
	if want := []string{"lib/auth.ts#requireUser"}; !slices.Equal(p.Guards.Authentication, want) {
		t.Errorf("guards.authentication = %q, want %q", p.Guards.Authentication, want)
	}
	if len(p.Guards.Authorization) != 0 {
		t.Errorf("guards.authorization = %q, want none", p.Guards.Authorization)
	}
	if len(p.Ignore) != 0 {
		t.Errorf("ignore = %q, want none", p.Ignore)
	}
	if len(p.Rules) != 1 {
		t.Fatalf("entries has %d rules, want 1: %+v", len(p.Rules), p.Rules)
	}
	rule := p.Rules[0]
	if rule.Pattern != "app/admin/**" {
		t.Errorf("rule pattern %q, want app/admin/**", rule.Pattern)
	}
	if rule.Access != policy.AccessRole {
		t.Errorf("rule access %q, want %q", rule.Access, policy.AccessRole)
	}
	if !slices.Equal(rule.Roles, []string{"admin"}) {
		t.Errorf("rule roles %q, want [admin]", rule.Roles)
	}

	if !strings.Contains(stdout, "Wrote "+filepath.FromSlash(fixturePolicy)+".") {
		t.Errorf("output does not say that the file was written:\n%s", stdout)
	}
	if !strings.Contains(stdout, "initapp/app/notes/actions.ts:11  missing-auth  Server action deleteNote") {
		t.Errorf("output does not list the unguarded deleteNote with its location and reason:\n%s", stdout)
	}
	for _, guarded := range []string{"saveNote", "banUser"} {
		if strings.Contains(stdout, guarded) {
			t.Errorf("output lists %s, which authenticates its caller:\n%s", guarded, stdout)
		}
	}
	if !strings.Contains(stdout, "\nGuard this entry point with a fail-closed authentication check, or open it") {
		t.Errorf("output does not end with the instruction to guard or open each entry:\n%s", stdout)
	}
}

func TestInitPolicyHonouredByScan(t *testing.T) {
	copyFixture(t)
	if status, stdout, stderr := runCommand("init", "initapp"); status != 0 {
		t.Fatalf("init exit status %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	p, err := policy.Load(fixturePolicy)
	if err != nil {
		t.Fatal(err)
	}

	status, stdout, stderr := runCommand("list", "--format", "json", "--fail-on", "none", "initapp")
	if status != 0 {
		t.Fatalf("list exit status %d\nstderr:\n%s", status, stderr)
	}
	var r report.Report
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("parse JSON report: %v", err)
	}
	if len(r.Apps) != 1 {
		t.Fatalf("report has %d apps, want 1", len(r.Apps))
	}

	policies := map[string]string{}
	for _, e := range r.Apps[0].Entries {
		policies[e.ID] = e.Policy
	}
	want := fmt.Sprintf("app/admin/** (%s:%d)", fixturePolicy, p.Rules[0].Line)
	if got := policies["app/admin/users/actions.ts#banUser"]; got != want {
		t.Errorf("banUser policy %q, want %q", got, want)
	}
	if got := policies["app/notes/actions.ts#deleteNote"]; got != "" {
		t.Errorf("deleteNote policy %q, want the default", got)
	}
	for _, f := range r.Apps[0].Findings {
		if f.Rule == "stale-policy" {
			t.Errorf("the starter policy is stale: %s", f.Message)
		}
	}
}

func TestInitKeepsExistingFile(t *testing.T) {
	copyFixture(t)
	const existing = "{\n  // written by hand\n  \"ignore\": [\"scripts/**\"]\n}\n"
	if err := os.WriteFile(fixturePolicy, []byte(existing), 0o644); err != nil {
		t.Fatal(err)
	}

	status, stdout, stderr := runCommand("init", "initapp")
	if status != 0 {
		t.Fatalf("init exit status %d, want 0\nstderr:\n%s", status, stderr)
	}
	data, err := os.ReadFile(fixturePolicy)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != existing {
		t.Errorf("init changed the existing policy file:\n%s", data)
	}
	if !strings.Contains(stdout, "Kept "+filepath.FromSlash(fixturePolicy)) {
		t.Errorf("output does not say that the file was kept:\n%s", stdout)
	}
	if !strings.Contains(stdout, "deleteNote") {
		t.Errorf("output does not list the unguarded entries when the file is kept:\n%s", stdout)
	}
}

func TestInitKeepsScanRootPolicy(t *testing.T) {
	root := copyFixture(t)
	const shared = "{}\n"
	if err := os.WriteFile(filepath.Join(root, policy.FileName), []byte(shared), 0o644); err != nil {
		t.Fatal(err)
	}

	status, stdout, stderr := runCommand("init", ".")
	if status != 0 {
		t.Fatalf("init exit status %d, want 0\nstderr:\n%s", status, stderr)
	}
	if _, err := os.Lstat(fixturePolicy); err == nil {
		t.Errorf("init wrote %s although the scan root policy applies to the app", fixturePolicy)
	}
	if !strings.Contains(stdout, "Kept "+policy.FileName) {
		t.Errorf("output does not say that the scan root policy was kept:\n%s", stdout)
	}
}

func TestInitDryRun(t *testing.T) {
	copyFixture(t)

	status, stdout, stderr := runCommand("init", "--dry-run", "initapp")
	if status != 0 {
		t.Fatalf("init --dry-run exit status %d, want 0\nstderr:\n%s", status, stderr)
	}
	if _, err := os.Lstat(fixturePolicy); err == nil {
		t.Fatalf("init --dry-run wrote %s", fixturePolicy)
	}

	// The dry run prints exactly what a real run writes.
	if status, _, stderr := runCommand("init", "initapp"); status != 0 {
		t.Fatalf("init exit status %d\nstderr:\n%s", status, stderr)
	}
	written, err := os.ReadFile(fixturePolicy)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "Would write "+filepath.FromSlash(fixturePolicy)+":\n\n"+string(written)) {
		t.Errorf("dry run output does not contain the file a real run writes:\n%s\n--- written:\n%s", stdout, written)
	}
}

func TestInitRerunIsDeterministic(t *testing.T) {
	copyFixture(t)
	_, first, _ := runCommand("init", "--dry-run", "initapp")
	_, second, _ := runCommand("init", "--dry-run", "--jobs", "1", "initapp")
	if first != second {
		t.Errorf("two dry runs differ:\n%s\n---\n%s", first, second)
	}
}

func TestInitErrors(t *testing.T) {
	t.Run("missing path", func(t *testing.T) {
		copyFixture(t)
		status, _, stderr := runCommand("init", "no-such-folder")
		if status != 2 {
			t.Errorf("exit status %d, want 2", status)
		}
		if !strings.Contains(stderr, "no-such-folder") {
			t.Errorf("error does not name the path: %s", stderr)
		}
	})

	t.Run("invalid policy at scan root", func(t *testing.T) {
		root := copyFixture(t)
		invalid := filepath.Join(root, policy.FileName)
		if err := os.WriteFile(invalid, []byte(`{"entrys": {}}`), 0o644); err != nil {
			t.Fatal(err)
		}
		status, _, stderr := runCommand("init", ".")
		if status != 2 {
			t.Errorf("exit status %d, want 2", status)
		}
		if !strings.Contains(stderr, "entrys") {
			t.Errorf("error does not name the invalid key: %s", stderr)
		}
		if _, err := os.Lstat(fixturePolicy); err == nil {
			t.Errorf("init wrote %s although the scan stopped", fixturePolicy)
		}
	})

	t.Run("invalid jobs", func(t *testing.T) {
		copyFixture(t)
		if status, _, _ := runCommand("init", "--jobs", "-1", "initapp"); status != 2 {
			t.Errorf("exit status %d, want 2", status)
		}
	})
}
