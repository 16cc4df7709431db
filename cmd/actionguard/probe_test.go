package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// writeBuiltApp writes a small app with one "use server" module that a
// page imports, and a build manifest that lists both of its exports, and
// returns the build folder.
func writeBuiltApp(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"package.json": `{"name": "probed", "dependencies": {"next": "16.5.0"}}`,
		"app/page.tsx": `import { save } from "./actions";
export default function Page() { return <form action={save} />; }
`,
		"app/actions.ts": `"use server";
import { writeFile } from "node:fs/promises";
import { redirect } from "next/navigation";
export async function save() { await writeFile("/tmp/x", "x"); }
export async function remove() { redirect("/login"); }
`,
		".next/server/server-reference-manifest.json": `{"node": {
  "00aa": {"workers": {"app/page": {}}, "filename": "app/actions.ts", "exportedName": "save"},
  "00bb": {"workers": {"app/page": {}}, "filename": "app/actions.ts", "exportedName": "remove"}
}, "edge": {}}`,
	}
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, ".next")
}

func TestProbeRejectsRemoteTargets(t *testing.T) {
	build := writeBuiltApp(t)
	for _, url := range []string{
		"http://192.0.2.10:3000",      // a documentation address, never routed
		"http://example.invalid:3000", // a name, which must not be looked up
		"http://[2001:db8::1]:3000",
	} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"probe", "--build", build, "--url", url}, &stdout, &stderr)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2", url, code)
		}
		if !strings.Contains(stderr.String(), "--allow-remote") {
			t.Errorf("%s: error does not name --allow-remote: %s", url, stderr.String())
		}
		if strings.Contains(stderr.String(), "probing calls") {
			t.Errorf("%s: printed the probing warning, so it went on after the target check", url)
		}
		if stdout.Len() != 0 {
			t.Errorf("%s: wrote a report: %s", url, stdout.String())
		}
	}
}

func TestProbeUsageErrors(t *testing.T) {
	build := writeBuiltApp(t)
	cases := map[string][]string{
		"missing --build":  {"probe", "--url", "http://127.0.0.1:1"},
		"missing --url":    {"probe", "--build", build},
		"invalid --format": {"probe", "--build", build, "--url", "http://127.0.0.1:1", "--format", "sarif"},
		"no manifest":      {"probe", "--build", t.TempDir(), "--url", "http://127.0.0.1:1"},
	}
	for name, args := range cases {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("%s: exit %d, want 2 (stderr: %s)", name, code, stderr.String())
		}
	}
}

// fakeNext responds to action calls as Next.js 16.5 does: a redirect for
// remove, and an RSC payload for save.
func fakeNext(t *testing.T) (*httptest.Server, func() []string) {
	var mu sync.Mutex
	var calls []string
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("Next-Action")
		mu.Lock()
		calls = append(calls, r.Method+" "+r.URL.Path+" "+id)
		mu.Unlock()
		w.Header().Set("Content-Type", "text/x-component")
		if id == "00bb" {
			w.Header().Set("x-action-redirect", "/login;push")
		}
		w.Write([]byte("0:{\"a\":\"$@1\"}\n1:null\n"))
	}))
	t.Cleanup(server.Close)
	return server, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), calls...)
	}
}

func TestProbeLoopbackJSON(t *testing.T) {
	build := writeBuiltApp(t)
	server, calls := fakeNext(t)

	var stdout, stderr bytes.Buffer
	// The fake server completes the unguarded action, so probe exits 1.
	code := run([]string{"probe", "--build", build, "--url", server.URL, "--format", "json"}, &stdout, &stderr)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "may change data") {
		t.Errorf("no warning about mutations on standard error: %q", stderr.String())
	}
	if got := calls(); len(got) != 2 {
		t.Errorf("server got %d calls, want 2: %v", len(got), got)
	}

	var out probeReport
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout.String())
	}
	rows := map[string]probeRow{}
	for _, row := range out.Actions {
		rows[row.ID] = row
	}
	save, remove := rows["00aa"], rows["00bb"]
	if save.Entry != "app/actions.ts#save" || remove.Entry != "app/actions.ts#remove" {
		t.Errorf("entries = %q, %q; want app/actions.ts#save, app/actions.ts#remove", save.Entry, remove.Entry)
	}
	if save.Outcome != "completed" {
		t.Errorf("save outcome %q, want completed", save.Outcome)
	}
	if remove.Outcome != "redirected" || remove.Location != "/login" {
		t.Errorf("remove outcome %q to %q, want redirected to /login", remove.Outcome, remove.Location)
	}
	if len(save.Findings) != 1 || save.Findings[0].Rule != "missing-auth" || save.Findings[0].Severity != "P0" {
		t.Errorf("save findings %+v, want missing-auth P0", save.Findings)
	}
	if save.Reachable != "client" {
		t.Errorf("save reachable %q, want client", save.Reachable)
	}
}

func TestProbeLoopbackText(t *testing.T) {
	build := writeBuiltApp(t)
	server, _ := fakeNext(t)

	var stdout, stderr bytes.Buffer
	if code := run([]string{"probe", "--build", build, "--url", server.URL}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", code, stderr.String())
	}
	text := stdout.String()
	for _, want := range []string{"Probed 2 actions", "app/actions.ts#remove", "redirected to /login", "missing, missing-auth P0", "completed"} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
}
