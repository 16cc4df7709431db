package crosscheck_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionguard/actionguard/internal/crosscheck"
	"github.com/actionguard/actionguard/internal/nextbuild"
	"github.com/actionguard/actionguard/internal/report"
	"github.com/actionguard/actionguard/internal/scan"
)

var appFiles = map[string]string{
	"package.json": `{"name": "app", "dependencies": {"next": "16.5.0"}}`,
	"app/page.tsx": `import { ServerForm } from "./server-form";
export default function Page() {
  async function first() {
    "use server";
  }
  return <form action={async () => { "use server"; }}><ServerForm /></form>;
}
`,
	"app/server-form.tsx": `import { save } from "./actions";
export function ServerForm() { return <form action={save} />; }
`,
	"app/actions.ts": `"use server";
export async function save() {}
export async function unused() {}
`,
	"app/orphan.ts": `"use server";
export async function orphan() {}
`,
}

// scanApp writes appFiles to a new folder, scans it and returns the
// folder and the app's report.
func scanApp(t *testing.T) (string, report.App) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range appFiles {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := scan.Run(scan.Options{Paths: []string{dir}, WorkDir: dir, Version: "test"})
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	if len(res.Report.Apps) != 1 {
		t.Fatalf("scan found %d apps, want 1", len(res.Report.Apps))
	}
	return dir, res.Report.Apps[0]
}

func TestMatchInlineAndExports(t *testing.T) {
	dir, app := scanApp(t)
	actions := []nextbuild.Action{
		{ID: "a0", Module: "app/page.tsx", Export: "$$RSC_SERVER_ACTION_0"},
		{ID: "a1", Module: "app/page.tsx", Export: "$$RSC_SERVER_ACTION_1"},
		{ID: "s", Module: "app/actions.ts", Export: "save"},
		// A monorepo build names the module from the workspace root.
		{ID: "u", Module: "apps/web/app/actions.ts", Export: "unused"},
	}
	want := map[string]string{
		"a0": "app/page.tsx#Page.first",
		"a1": "app/page.tsx#Page.$1",
		"s":  "app/actions.ts#save",
		"u":  "app/actions.ts#unused",
	}
	pairs := crosscheck.Match(dir, app, actions)
	if len(pairs) != len(actions) {
		t.Fatalf("Match returned %d pairs, want %d", len(pairs), len(actions))
	}
	for _, p := range pairs {
		if p.Entry == nil {
			t.Errorf("action %s: no entry (%s), want %s", p.Action.ID, p.Reason, want[p.Action.ID])
			continue
		}
		if p.Entry.ID != want[p.Action.ID] {
			t.Errorf("action %s: entry %s, want %s", p.Action.ID, p.Entry.ID, want[p.Action.ID])
		}
	}
	if diffs := crosscheck.Compare(pairs, app); len(diffs) != 0 {
		t.Errorf("Compare found differences for a matching build:\n%s", strings.Join(diffs, "\n"))
	}
}

func TestCompareFindsDifferences(t *testing.T) {
	dir, app := scanApp(t)
	actions := []nextbuild.Action{
		{ID: "a0", Module: "app/page.tsx", Export: "$$RSC_SERVER_ACTION_0"},
		{ID: "a5", Module: "app/page.tsx", Export: "$$RSC_SERVER_ACTION_5"},
		{ID: "s", Module: "app/actions.ts", Export: "save"},
		{ID: "o", Module: "app/orphan.ts", Export: "orphan"},
	}
	diffs := crosscheck.Compare(crosscheck.Match(dir, app, actions), app)
	wantParts := []string{
		"$$RSC_SERVER_ACTION_5 (ID a5) matches no entry",
		"entry app/orphan.ts#orphan, which the report marks reachable \"none\"",
		"entry app/page.tsx#Page.$1 is marked reachable from the client, but the build compiled no action",
		"entry app/actions.ts#unused is marked reachable from the client, but the build compiled no action",
	}
	joined := strings.Join(diffs, "\n")
	for _, part := range wantParts {
		if !strings.Contains(joined, part) {
			t.Errorf("Compare output lacks %q; got:\n%s", part, joined)
		}
	}
	if len(diffs) != len(wantParts) {
		t.Errorf("Compare returned %d differences, want %d:\n%s", len(diffs), len(wantParts), joined)
	}
}
