package reach_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/actionguard/actionguard/internal/module"
	"github.com/actionguard/actionguard/internal/reach"
	"github.com/actionguard/actionguard/internal/report"
	"github.com/actionguard/actionguard/internal/resolve"
)

// adapter turns resolve.Result into module.Target, as the scan does.
type adapter struct{ r *resolve.Resolver }

func (a adapter) Resolve(from, spec string) module.Target {
	res := a.r.Resolve(from, spec)
	switch {
	case res.Path != "":
		return module.Target{Path: res.Path}
	case res.External:
		return module.Target{Package: res.Package + res.Subpath}
	}
	return module.Target{Reason: res.Reason}
}

// writeApp writes files under a new folder and returns the folder.
func writeApp(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// build walks the app from its root files and returns the graph and the
// program that loaded it.
func build(t *testing.T, dir string, opts reach.Options, roots ...string) (*reach.Graph, *module.Program) {
	t.Helper()
	prog := module.NewProgram(adapter{resolve.New(dir)})
	var rs []reach.Root
	for _, rel := range roots {
		layer, ok := reach.RootLayer(rel)
		if !ok {
			t.Fatalf("%s is not a root file", rel)
		}
		rs = append(rs, reach.Root{Path: filepath.Join(dir, filepath.FromSlash(rel)), Layer: layer})
	}
	return reach.Build(prog, rs, opts), prog
}

func exportReach(t *testing.T, g *reach.Graph, prog *module.Program, dir, rel, name string) string {
	t.Helper()
	m, err := prog.Load(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return g.Export(m, name)
}

const actions = `"use server";
export async function a() {}
export async function b() {}
`

func TestDynamicImportFromClient(t *testing.T) {
	dir := writeApp(t, map[string]string{
		"app/page.tsx":   `import { Lazy } from "./lazy"; export default function P() { return <Lazy/>; }`,
		"app/lazy.tsx":   "\"use client\";\nexport function Lazy() { import(\"./actions\").then((m) => m.a()); return null; }",
		"app/actions.ts": actions,
		"app/unused.ts":  actions,
	})
	g, prog := build(t, dir, reach.Options{}, "app/page.tsx")
	if got := g.Incomplete(); len(got) != 0 {
		t.Fatalf("Incomplete() = %v, want none", got)
	}
	for _, name := range []string{"a", "b"} {
		if got := exportReach(t, g, prog, dir, "app/actions.ts", name); got != report.ReachClient {
			t.Errorf("actions.ts#%s = %q, want client: a dynamic import takes the whole module", name, got)
		}
	}
	if got := exportReach(t, g, prog, dir, "app/unused.ts", "a"); got != report.ReachNone {
		t.Errorf("unused.ts#a = %q, want none", got)
	}
}

func TestComputedImportMakesGraphIncomplete(t *testing.T) {
	dir := writeApp(t, map[string]string{
		"app/page.tsx":   "\"use client\";\nexport default function P({ n }) { import(`./${n}`); return null; }",
		"app/actions.ts": actions,
	})
	g, prog := build(t, dir, reach.Options{}, "app/page.tsx")
	if len(g.Incomplete()) != 1 {
		t.Fatalf("Incomplete() = %v, want one gap", g.Incomplete())
	}
	if got := exportReach(t, g, prog, dir, "app/actions.ts", "a"); got != report.ReachClient {
		t.Errorf("actions.ts#a = %q, want client when the graph is incomplete", got)
	}
}

func TestMiddlewareImportGivesNoID(t *testing.T) {
	dir := writeApp(t, map[string]string{
		"middleware.ts":  `import { a } from "./app/actions"; export function middleware() { return a(); }`,
		"app/actions.ts": actions,
	})
	g, prog := build(t, dir, reach.Options{}, "middleware.ts")
	if got := exportReach(t, g, prog, dir, "app/actions.ts", "a"); got != report.ReachServer {
		t.Errorf("actions.ts#a = %q, want server", got)
	}
}

func TestClientImportPerExportAndPerModule(t *testing.T) {
	dir := writeApp(t, map[string]string{
		"app/page.tsx":   `import { Button } from "./button"; export default function P() { return <Button/>; }`,
		"app/button.tsx": "\"use client\";\nimport { a } from \"./actions\";\nexport function Button() { return <button onClick={() => a()} />; }",
		"app/actions.ts": actions,
	})
	cases := []struct {
		opts reach.Options
		b    string
	}{
		{reach.Options{}, report.ReachServer},
		{reach.Options{PerModule: true}, report.ReachClient},
	}
	for _, c := range cases {
		g, prog := build(t, dir, c.opts, "app/page.tsx")
		if got := exportReach(t, g, prog, dir, "app/actions.ts", "a"); got != report.ReachClient {
			t.Errorf("PerModule=%v: actions.ts#a = %q, want client", c.opts.PerModule, got)
		}
		if got := exportReach(t, g, prog, dir, "app/actions.ts", "b"); got != c.b {
			t.Errorf("PerModule=%v: actions.ts#b = %q, want %q", c.opts.PerModule, got, c.b)
		}
	}
}

func TestRootLayer(t *testing.T) {
	cases := []struct {
		rel   string
		layer reach.Layer
		root  bool
	}{
		{"app/page.tsx", reach.Server, true},
		{"src/app/(shop)/cart/layout.js", reach.Server, true},
		{"app/api/leads/route.ts", reach.Server, true},
		{"app/components/button.tsx", reach.Server, false},
		{"pages/index.tsx", reach.Client, true},
		{"pages/api/hello.ts", reach.Server, true},
		{"pages/_document.tsx", reach.Server, true},
		{"middleware.ts", reach.Action, true},
		{"src/proxy.ts", reach.Action, true},
		{"lib/db.ts", reach.Server, false},
	}
	for _, c := range cases {
		layer, root := reach.RootLayer(c.rel)
		if root != c.root || (root && layer != c.layer) {
			t.Errorf("RootLayer(%q) = %v, %v; want %v, %v", c.rel, layer, root, c.layer, c.root)
		}
	}
}

func TestOptionsFor(t *testing.T) {
	cases := []struct {
		version, script string
		perModule       bool
	}{
		{"16.5.0", "next build", false},
		{"^16.0.0", "next build --webpack", true},
		{"15.5.10", "next build", true},
		{"15.5.10", "next build --turbopack", false},
		{"^14.2.3", "next build --turbo", true},
		{"", "next build", true},
		{"latest", "next build", true},
		{"<16", "next build", true},
		{"15 || 16", "next build", true},
		{"16 || 17", "next build", false},
	}
	for _, c := range cases {
		if got := reach.OptionsFor(c.version, c.script).PerModule; got != c.perModule {
			t.Errorf("OptionsFor(%q, %q).PerModule = %v, want %v", c.version, c.script, got, c.perModule)
		}
	}
}
