package parse

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// Type annotations parse only with a TypeScript grammar, and JSX only with
// the TSX and JavaScript grammars, so the pair shows which grammar a path
// selected.
const (
	typeScriptSource = "let n: number = 1;\n"
	jsxSource        = "const el = <div className=\"a\">hi</div>;\n"
)

func TestParseGrammarByExtension(t *testing.T) {
	tests := []struct {
		path       string
		acceptsTS  bool
		acceptsJSX bool
	}{
		{"a.ts", true, false},
		{"a.mts", true, false},
		{"a.cts", true, false},
		{"a.tsx", true, true},
		{"a.js", false, true},
		{"a.jsx", false, true},
		{"a.mjs", false, true},
		{"a.cjs", false, true},
		{"A.TS", true, false},
		{"A.TSX", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			ts, err := Parse(tt.path, []byte(typeScriptSource))
			if err != nil {
				t.Fatalf("Parse(%s) type annotation: %v", tt.path, err)
			}
			if got := ts.SyntaxError.IsZero(); got != tt.acceptsTS {
				t.Errorf("type annotation parses cleanly = %v, want %v (error at %+v)", got, tt.acceptsTS, ts.SyntaxError)
			}

			jsx, err := Parse(tt.path, []byte(jsxSource))
			if err != nil {
				t.Fatalf("Parse(%s) JSX: %v", tt.path, err)
			}
			if got := jsx.SyntaxError.IsZero(); got != tt.acceptsJSX {
				t.Errorf("JSX parses cleanly = %v, want %v (error at %+v)", got, tt.acceptsJSX, jsx.SyntaxError)
			}
		})
	}
}

func TestParseUnknownExtension(t *testing.T) {
	for _, path := range []string{"styles.css", "README", "data.json", "a.ts.bak"} {
		f, err := Parse(path, []byte("const a = 1;\n"))
		if err == nil {
			t.Errorf("Parse(%s) error = nil, want an error", path)
		}
		if f != nil {
			t.Errorf("Parse(%s) file = %v, want nil", path, f)
		}
		if err != nil && !strings.Contains(err.Error(), path) {
			t.Errorf("Parse(%s) error %q does not name the file", path, err)
		}
	}
}

func TestIsSource(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"app/page.tsx", true},
		{"app/actions.ts", true},
		{"lib/db.js", true},
		{"lib/db.jsx", true},
		{"lib/db.mjs", true},
		{"lib/db.cjs", true},
		{"lib/db.mts", true},
		{"lib/db.cts", true},
		{"/abs/Upper.TSX", true},
		{"next-env.d.ts", false},
		{"types/global.d.mts", false},
		{"types/global.d.cts", false},
		{"types/GLOBAL.D.TS", false},
		{"app/globals.css", false},
		{"package.json", false},
		{"Makefile", false},
		{"d.ts", true},
	}
	for _, tt := range tests {
		if got := IsSource(tt.path); got != tt.want {
			t.Errorf("IsSource(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestSyntaxErrorPosition(t *testing.T) {
	tests := []struct {
		name string
		path string
		src  string
		want Position
	}{
		{"clean", "a.ts", "const a = 1;\n", Position{}},
		{"missing initializer", "a.ts", "const x = ;\n", Position{Line: 1, Column: 9}},
		{"unclosed parameters", "a.ts", "let a = 1;\nfunction f( {\n}\n", Position{Line: 2, Column: 1}},
		{"unclosed paren", "a.ts", "const a = 1;\nconst b = (2;\n", Position{Line: 2, Column: 13}},
		{"unclosed block", "a.ts", "if (x) {\n", Position{Line: 1, Column: 9}},
		{"ampersand in JSX", "a.tsx", "export function f() {\n  return <p>a & b</p>;\n}\n", Position{Line: 2, Column: 15}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.path, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if f.SyntaxError != tt.want {
				t.Errorf("SyntaxError = %+v, want %+v", f.SyntaxError, tt.want)
			}
		})
	}
}

func TestSyntaxErrorKeepsTree(t *testing.T) {
	f, err := Parse("a.ts", []byte("import { a } from \"x\";\nconst x = ;\nexport function g() {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f.SyntaxError.IsZero() {
		t.Fatal("SyntaxError is zero, want the error on line 2")
	}
	if f.Root == nil {
		t.Fatal("Root = nil, want a tree despite the error")
	}
	if got := f.Root.Type(); got != "program" {
		t.Errorf("Root.Type() = %q, want program", got)
	}
	if !f.Root.HasError() {
		t.Error("Root.HasError() = false, want true")
	}
	last := f.Root.NamedChild(int(f.Root.NamedChildCount()) - 1)
	if got := last.Type(); got != "export_statement" {
		t.Errorf("last statement type = %q, want export_statement", got)
	}
}

func TestTopLevelError(t *testing.T) {
	tests := []struct {
		name string
		path string
		src  string
		want bool
	}{
		{"clean", "a.ts", "import { a } from \"x\";\nexport const b = a;\n", false},
		{"ampersand in JSX text", "a.tsx", "import { a } from \"x\";\nexport default function Page() {\n  return <p>a & b</p>;\n}\n", false},
		{"error in function body", "a.ts", "export async function save() {\n  const x = ;\n}\n", false},
		{"broken import", "a.ts", "import { a from \"x\";\nexport const b = 1;\n", true},
		{"broken export clause", "a.ts", "const a = 1;\nexport { a as };\n", true},
		{"stray tokens", "a.ts", "a b c", true},
		{"unclosed parameter list", "a.ts", "let a = 1;\nfunction f( {\n}\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.path, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := f.TopLevelError(); got != tt.want {
				t.Errorf("TopLevelError() = %v, want %v (syntax error at %+v)", got, tt.want, f.SyntaxError)
			}
		})
	}
}

func TestNodeAPI(t *testing.T) {
	src := "export async function save(id: string) {\n  return id;\n}\n"
	f, err := Parse("a.ts", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	root := f.Root
	if root.Parent() != nil {
		t.Errorf("root.Parent() = %v, want nil", root.Parent())
	}
	if got := root.NamedChildCount(); got != 1 {
		t.Fatalf("root.NamedChildCount() = %d, want 1", got)
	}

	export := root.NamedChild(0)
	if got := export.Type(); got != "export_statement" {
		t.Fatalf("statement type = %q, want export_statement", got)
	}
	if export.Parent() != root {
		t.Error("export.Parent() is not the root")
	}
	if got := root.NamedChild(1); got != nil {
		t.Errorf("NamedChild(1) = %v, want nil past the end", got)
	}
	if got := root.NamedChild(-1); got != nil {
		t.Errorf("NamedChild(-1) = %v, want nil", got)
	}

	fn := export.ChildByFieldName("declaration")
	if fn == nil {
		t.Fatal(`ChildByFieldName("declaration") = nil`)
	}
	if got := fn.Type(); got != "function_declaration" {
		t.Errorf("declaration type = %q, want function_declaration", got)
	}
	if fn.Parent() != export {
		t.Error("declaration's Parent() is not the export statement")
	}
	if got := export.ChildByFieldName("nonexistent"); got != nil {
		t.Errorf("ChildByFieldName(nonexistent) = %v, want nil", got)
	}

	name := fn.ChildByFieldName("name")
	if got := f.Text(name); got != "save" {
		t.Errorf("function name = %q, want save", got)
	}
	if got := PositionOf(name); got != (Position{Line: 1, Column: 23}) {
		t.Errorf("PositionOf(name) = %+v, want 1:23", got)
	}
	body := fn.ChildByFieldName("body")
	if got := body.Type(); got != "statement_block" {
		t.Errorf("body type = %q, want statement_block", got)
	}
	ret := body.NamedChild(0)
	if got := PositionOf(ret); got != (Position{Line: 2, Column: 3}) {
		t.Errorf("PositionOf(return) = %+v, want 2:3", got)
	}
	if got := f.Text(ret); got != "return id;" {
		t.Errorf("Text(return) = %q, want %q", got, "return id;")
	}
	if got := f.Text(nil); got != "" {
		t.Errorf("Text(nil) = %q, want empty", got)
	}

	// ChildCount counts every child and NamedChildCount only the named ones,
	// so the anonymous export keyword makes the first larger.
	if got, named := export.ChildCount(), export.NamedChildCount(); got <= named {
		t.Errorf("ChildCount() = %d, want more than NamedChildCount() = %d", got, named)
	}
	if kw := export.Child(0); kw.IsNamed() || kw.Type() != "export" {
		t.Errorf("Child(0) = %q named=%v, want the anonymous export keyword", kw.Type(), kw.IsNamed())
	}
	if export.HasError() {
		t.Error("HasError() = true on a clean tree")
	}
}

// walk visits every node below n and returns a digest of types and ranges,
// reading through Parent, ChildByFieldName and Text as the analysis does.
func walk(f *File, n *Node) string {
	var b strings.Builder
	var visit func(n *Node)
	visit = func(n *Node) {
		fmt.Fprintf(&b, "%s@%d-%d;", n.Type(), n.StartByte(), n.EndByte())
		if n.Parent() != nil && n.Parent().ChildByFieldName("name") == n {
			b.WriteString(f.Text(n))
		}
		for i := 0; i < int(n.ChildCount()); i++ {
			visit(n.Child(i))
		}
	}
	visit(n)
	return b.String()
}

func TestParseConcurrent(t *testing.T) {
	sources := map[string]string{
		"a.ts":  "import { db } from \"@/lib/db\";\nexport async function save(id: string) {\n  await db.user.delete({ where: { id } });\n}\n",
		"b.tsx": "export default function Page() {\n  async function act() {\n    \"use server\";\n  }\n  return <form action={act}>a & b</form>;\n}\n",
		"c.js":  "export const GET = async (req) => new Response(\"ok\");\n",
	}
	want := map[string]string{}
	for path, src := range sources {
		f, err := Parse(path, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		want[path] = walk(f, f.Root)
	}

	shared := map[string]*File{}
	for path, src := range sources {
		f, err := Parse(path, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		shared[path] = f
	}

	const workers = 16
	var wg sync.WaitGroup
	errs := make(chan string, workers*len(sources)*2)
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path, src := range sources {
				// Each goroutine parses its own copy and walks the shared one.
				f, err := Parse(path, []byte(src))
				if err != nil {
					errs <- err.Error()
					continue
				}
				if got := walk(f, f.Root); got != want[path] {
					errs <- path + ": own tree differs"
				}
				if got := walk(shared[path], shared[path].Root); got != want[path] {
					errs <- path + ": shared tree differs"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
