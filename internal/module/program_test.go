package module

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// fakeResolver maps "./name" to dir/name.ts when that file exists and any
// other specifier to an npm package, like a project without path aliases.
type fakeResolver struct {
	dir string
}

func (r *fakeResolver) Resolve(fromFile, specifier string) Target {
	name, local := strings.CutPrefix(specifier, "./")
	if !local {
		return Target{Package: specifier}
	}
	path := filepath.Join(r.dir, name+".ts")
	if _, err := os.Stat(path); err != nil {
		return Target{Reason: specifier + " not found from " + fromFile}
	}
	return Target{Path: path}
}

// newProgram writes files (name without extension -> source) to a temp
// folder and returns a Program over them.
func newProgram(t *testing.T, files map[string]string) (*Program, string) {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name+".ts"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return NewProgram(&fakeResolver{dir: dir}), dir
}

func load(t *testing.T, p *Program, dir, name string) *Module {
	t.Helper()
	m, err := p.Load(filepath.Join(dir, name+".ts"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestResolveExportChain(t *testing.T) {
	p, dir := newProgram(t, map[string]string{
		"index": `export { save as persist } from "./mid";
export * from "./star";
export { default as Page } from "./page";
export { auth } from "next-auth";
export * as lib from "./lib";
`,
		"mid":  "export { save } from \"./impl\";\n",
		"impl": "export async function save() {}\n",
		"star": "export const viaStar = () => {};\nexport default function hidden() {}\n",
		"page": "export default async () => null;\n",
		"lib":  "export const x = 1;\n",
	})
	index := load(t, p, dir, "index")

	persist := p.ResolveExport(index, "persist")
	if persist.Decl == nil {
		t.Fatalf("persist: Decl = nil, Reason %q", persist.Reason)
	}
	if persist.Decl.Name != "save" {
		t.Errorf("persist: Decl.Name = %q, want save", persist.Decl.Name)
	}
	if got := filepath.Base(persist.Module.File.Path); got != "impl.ts" {
		t.Errorf("persist: Module = %s, want impl.ts", got)
	}

	viaStar := p.ResolveExport(index, "viaStar")
	if viaStar.Decl == nil {
		t.Fatalf("viaStar: Decl = nil, Reason %q", viaStar.Reason)
	}
	if got := filepath.Base(viaStar.Module.File.Path); got != "star.ts" {
		t.Errorf("viaStar: Module = %s, want star.ts", got)
	}

	page := p.ResolveExport(index, "Page")
	if page.Value == nil {
		t.Fatalf("Page: Value = nil, Reason %q", page.Reason)
	}
	if got := page.Value.Type(); got != "arrow_function" {
		t.Errorf("Page: Value type = %q, want arrow_function", got)
	}

	auth := p.ResolveExport(index, "auth")
	if auth.External != "next-auth#auth" {
		t.Errorf("auth: External = %q, want next-auth#auth", auth.External)
	}

	lib := p.ResolveExport(index, "lib")
	if lib.Namespace == nil {
		t.Fatalf("lib: Namespace = nil, Reason %q", lib.Reason)
	}
	if got := filepath.Base(lib.Namespace.File.Path); got != "lib.ts" {
		t.Errorf("lib: Namespace = %s, want lib.ts", got)
	}

	// export * never brings in a default export.
	if d := p.ResolveExport(index, "default"); d.Reason == "" {
		t.Errorf("default: Reason empty, want no default export (got %+v)", d)
	}
	if missing := p.ResolveExport(index, "nothing"); missing.Reason == "" {
		t.Errorf("nothing: Reason empty, want not exported (got %+v)", missing)
	}
}

func TestResolveName(t *testing.T) {
	p, dir := newProgram(t, map[string]string{
		"main": `import { persist as store } from "./index";
import * as helpers from "./impl";
import { redirect } from "next/navigation";
import { gone } from "./missing";
const local = () => {};
`,
		"index": "export { save as persist } from \"./impl\";\n",
		"impl":  "export async function save() {}\n",
	})
	main := load(t, p, dir, "main")

	local := p.ResolveName(main, "local")
	if local.Decl == nil || local.Module != main {
		t.Errorf("local: %+v, want its declaration in main", local)
	}

	store := p.ResolveName(main, "store")
	if store.Decl == nil {
		t.Fatalf("store: Decl = nil, Reason %q", store.Reason)
	}
	if store.Decl.Name != "save" {
		t.Errorf("store: Decl.Name = %q, want save", store.Decl.Name)
	}

	ns := p.ResolveName(main, "helpers")
	if ns.Namespace == nil {
		t.Fatalf("helpers: Namespace = nil, Reason %q", ns.Reason)
	}

	redirect := p.ResolveName(main, "redirect")
	if redirect.External != "next/navigation#redirect" {
		t.Errorf("redirect: External = %q, want next/navigation#redirect", redirect.External)
	}

	unresolved := p.ResolveName(main, "gone")
	if unresolved.Reason == "" {
		t.Errorf("gone: Reason empty, want the resolver's reason (got %+v)", unresolved)
	}
	undeclared := p.ResolveName(main, "undeclared")
	if !strings.Contains(undeclared.Reason, "undeclared") {
		t.Errorf("undeclared: Reason = %q, want it to name the identifier", undeclared.Reason)
	}
}

func TestResolveCycles(t *testing.T) {
	p, dir := newProgram(t, map[string]string{
		"a":    "export { x } from \"./b\";\nexport * from \"./b\";\n",
		"b":    "export { x } from \"./a\";\nexport * from \"./a\";\n",
		"self": "export { y as z } from \"./self\";\nexport { z as y } from \"./self\";\n",
		"imp":  "import { w } from \"./imp2\";\nexport { w };\n",
		"imp2": "import { w } from \"./imp\";\nexport { w };\n",
	})
	tests := []struct {
		file, name string
		resolve    func(*Module, string) Symbol
	}{
		{"a", "x", p.ResolveExport},
		{"a", "missing", p.ResolveExport},
		{"self", "y", p.ResolveExport},
		{"imp", "w", p.ResolveExport},
		{"imp", "w", p.ResolveName},
	}
	for _, tt := range tests {
		t.Run(tt.file+"#"+tt.name, func(t *testing.T) {
			m := load(t, p, dir, tt.file)
			s := tt.resolve(m, tt.name)
			if s.Reason == "" {
				t.Errorf("Reason empty, want a cycle reason (got %+v)", s)
			}
			if s.Decl != nil || s.Value != nil || s.External != "" || s.Namespace != nil {
				t.Errorf("symbol resolved through a cycle: %+v", s)
			}
		})
	}
}

func TestExportNamesStar(t *testing.T) {
	p, dir := newProgram(t, map[string]string{
		"index": `export const first = 1;
export * from "./one";
export * from "./pkg-only";
export * from "npm-package";
export default function Page() {}
export * from "./cycle";
`,
		"one":   "export const a = 1;\nexport { a as first };\nexport * from \"./two\";\nexport default 1;\n",
		"two":   "export function b() {}\n",
		"cycle": "export * from \"./index\";\nexport const c = 1;\n",
	})
	index := load(t, p, dir, "index")
	got := p.ExportNames(index)
	want := []string{"first", "default", "a", "b", "c"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ExportNames = %q, want %q", got, want)
	}
}

func TestLoadOnce(t *testing.T) {
	p, dir := newProgram(t, map[string]string{"a": "export const a = 1;\n"})
	path := filepath.Join(dir, "a.ts")

	var wg sync.WaitGroup
	mods := make([]*Module, 8)
	for i := range mods {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mods[i], _ = p.Load(path)
		}()
	}
	wg.Wait()
	for i, m := range mods {
		if m == nil || m != mods[0] {
			t.Errorf("Load #%d returned %p, want the same module %p", i, m, mods[0])
		}
	}
	if got := len(p.Loaded()); got != 1 {
		t.Errorf("len(Loaded()) = %d, want 1", got)
	}

	if _, err := p.Load(filepath.Join(dir, "absent.ts")); err == nil {
		t.Error("Load(absent.ts) error = nil, want an error")
	}
	if got := len(p.Loaded()); got != 1 {
		t.Errorf("len(Loaded()) after a failed load = %d, want 1", got)
	}
}
