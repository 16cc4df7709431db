package entry

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/actionguard/actionguard/internal/module"
	"github.com/actionguard/actionguard/internal/report"
)

// fakeResolver resolves "@/x" and "./x" to x.ts under the app root or next
// to the importing file, and any other specifier to an npm package.
type fakeResolver struct{ root string }

func (r fakeResolver) Resolve(fromFile, specifier string) module.Target {
	var path string
	switch {
	case strings.HasPrefix(specifier, "@/"):
		path = filepath.Join(r.root, specifier[2:]+".ts")
	case strings.HasPrefix(specifier, "./"):
		path = filepath.Join(filepath.Dir(fromFile), specifier[2:]+".ts")
	default:
		return module.Target{Package: specifier}
	}
	if _, err := os.Stat(path); err != nil {
		return module.Target{Reason: specifier + " not found"}
	}
	return module.Target{Path: path}
}

// findIn writes files (app-relative path -> source) under a temp app root
// and returns the entries of the file at rel.
func findIn(t *testing.T, files map[string]string, rel string) []Entry {
	t.Helper()
	root := t.TempDir()
	for name, src := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prog := module.NewProgram(fakeResolver{root: root})
	m, err := prog.Load(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return Find(prog, m, rel)
}

func ids(entries []Entry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.ID)
	}
	return out
}

func byName(t *testing.T, entries []Entry, name string) Entry {
	t.Helper()
	for _, e := range entries {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("no entry %q among %q", name, ids(entries))
	return Entry{}
}

func TestFindServerActionExports(t *testing.T) {
	src := `"use server";

import { helper } from "./helper";

export async function save(form: FormData) {}

export const remove = async (id: string) => {};

export const revalidate = 60;
export const config = { runtime: "nodejs" };
export const tags = ["a"];
export type Input = { id: string };

export const wrapped = withAuth(async () => {});
export { helper };
export default async function () {}
`
	entries := findIn(t, map[string]string{
		"app/actions.ts": src,
		"app/helper.ts":  "export async function helper() {}\n",
	}, "app/actions.ts")

	want := []string{
		"app/actions.ts#save",
		"app/actions.ts#remove",
		"app/actions.ts#wrapped",
		"app/actions.ts#helper",
		"app/actions.ts#default",
	}
	if got := ids(entries); !reflect.DeepEqual(got, want) {
		t.Fatalf("IDs = %q, want %q", got, want)
	}
	for _, e := range entries {
		if e.Kind != report.KindServerAction {
			t.Errorf("%s: Kind = %q, want %q", e.ID, e.Kind, report.KindServerAction)
		}
		if e.Target.Node == nil {
			t.Errorf("%s: Target.Node = nil, Unresolved %q", e.ID, e.Unresolved)
		}
	}

	lines := map[string]int{"save": 5, "remove": 7, "wrapped": 14, "helper": 15, "default": 16}
	for name, line := range lines {
		if got := byName(t, entries, name).Position.Line; got != line {
			t.Errorf("%s: Position.Line = %d, want %d", name, got, line)
		}
	}

	helper := byName(t, entries, "helper")
	if got := filepath.Base(helper.Target.Module.File.Path); got != "helper.ts" {
		t.Errorf("helper: Target module = %s, want helper.ts", got)
	}
	if helper.Module.File.Path == helper.Target.Module.File.Path {
		t.Error("helper: Module is the target's module, want the re-exporting file")
	}
}

func TestFindUnresolvedReexport(t *testing.T) {
	entries := findIn(t, map[string]string{
		"app/actions.ts": "\"use server\";\nexport { signIn } from \"next-auth\";\nexport { gone } from \"./missing\";\n",
	}, "app/actions.ts")
	for _, name := range []string{"signIn", "gone"} {
		e := byName(t, entries, name)
		if e.Unresolved == "" {
			t.Errorf("%s: Unresolved empty, want a reason", name)
		}
		if e.Target.Node != nil {
			t.Errorf("%s: Target.Node set for an unresolved export", name)
		}
	}
}

func TestFindStarExportPosition(t *testing.T) {
	entries := findIn(t, map[string]string{
		"app/actions.ts": "\"use server\";\n\nexport * from \"./impl\";\n",
		"app/impl.ts":    "export async function fromStar() {}\n",
	}, "app/actions.ts")
	e := byName(t, entries, "fromStar")
	if e.Position.Line != 3 {
		t.Errorf("Position.Line = %d, want 3 (the export * line)", e.Position.Line)
	}
	if e.Target.Node == nil {
		t.Errorf("Target.Node = nil, Unresolved %q", e.Unresolved)
	}
}

func TestFindInlineActions(t *testing.T) {
	src := `export default function Page() {
  async function save() {
    "use server";
  }
  const first = async () => { "use server"; };
  return <form action={async () => { "use server"; }}>
    <button formAction={async function () { "use server"; }} />
  </form>;
}

async function notAnAction() {
  const x = "use server";
}

const top = async () => {
  "use server";
};

export function Other() {
  return <form action={async () => { "use server"; }} />;
}

(async () => { "use server"; })();
`
	entries := findIn(t, map[string]string{"app/page.tsx": src}, "app/page.tsx")
	want := []string{
		"app/page.tsx#Page.save",
		"app/page.tsx#Page.first",
		"app/page.tsx#Page.$1",
		"app/page.tsx#Page.$2",
		"app/page.tsx#top",
		"app/page.tsx#Other.$1",
		"app/page.tsx#$1",
	}
	if got := ids(entries); !reflect.DeepEqual(got, want) {
		t.Fatalf("IDs = %q, want %q", got, want)
	}
	lines := []int{2, 5, 6, 7, 15, 20, 23}
	for i, e := range entries {
		if e.Kind != report.KindServerAction {
			t.Errorf("%s: Kind = %q, want %q", e.ID, e.Kind, report.KindServerAction)
		}
		if e.Position.Line != lines[i] {
			t.Errorf("%s: Position.Line = %d, want %d", e.ID, e.Position.Line, lines[i])
		}
		if e.Target.Node == nil {
			t.Errorf("%s: Target.Node = nil", e.ID)
		}
	}
}

func TestFindInlineNotDuplicated(t *testing.T) {
	src := `"use server";

export async function save() {
  "use server";
}

export const remove = async () => {
  "use server";
};
`
	entries := findIn(t, map[string]string{"app/actions.ts": src}, "app/actions.ts")
	want := []string{"app/actions.ts#save", "app/actions.ts#remove"}
	if got := ids(entries); !reflect.DeepEqual(got, want) {
		t.Errorf("IDs = %q, want %q", got, want)
	}
}

func TestFindExportedInlinePosition(t *testing.T) {
	src := `// actionguard: public -- newsletter form
export const subscribe = async () => {
  "use server";
};
`
	entries := findIn(t, map[string]string{"app/form.tsx": src}, "app/form.tsx")
	e := byName(t, entries, "subscribe")
	if e.Position.Line != 2 {
		t.Errorf("Position.Line = %d, want 2 (the export statement)", e.Position.Line)
	}
	if e.Inline == nil {
		t.Fatal("Inline = nil, want the comment above the export")
	}
	if e.Inline.Line != 1 {
		t.Errorf("Inline.Line = %d, want 1", e.Inline.Line)
	}
}

func TestFindRouteHandlers(t *testing.T) {
	src := `export async function GET() {}
export const POST = async (req: Request) => new Response("ok");
export { handler as PUT, handler as DELETE };
async function handler() {}
export const dynamic = "force-dynamic";
export const revalidate = 0;
export async function helper() {}
export const PATCH = 5;
export default async function () {}
`
	for _, rel := range []string{"app/api/items/route.ts", "src/app/route.js", "app/(group)/x/[id]/route.tsx"} {
		t.Run(rel, func(t *testing.T) {
			entries := findIn(t, map[string]string{rel: src}, rel)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name)
				if e.Kind != report.KindRouteHandler {
					t.Errorf("%s: Kind = %q, want %q", e.ID, e.Kind, report.KindRouteHandler)
				}
				if e.ID != rel+"#"+e.Name {
					t.Errorf("ID = %q, want %q", e.ID, rel+"#"+e.Name)
				}
			}
			want := []string{"GET", "POST", "PUT", "DELETE"}
			if !reflect.DeepEqual(names, want) {
				t.Errorf("names = %q, want %q", names, want)
			}
		})
	}
}

func TestFindNonRouteFile(t *testing.T) {
	src := "export async function GET() {}\nexport default async function handler() {}\n"
	for _, rel := range []string{"app/api/items/handlers.ts", "lib/route.ts", "app/route.css.ts", "pages/index.tsx"} {
		if got := findIn(t, map[string]string{rel: src}, rel); len(got) != 0 {
			t.Errorf("%s: entries = %q, want none", rel, ids(got))
		}
	}
}

func TestFindAPIRoute(t *testing.T) {
	src := `export default async function handler(req, res) {}
export async function GET() {}
export const config = { api: { bodyParser: false } };
`
	for _, rel := range []string{"pages/api/users.ts", "src/pages/api/v1/[id].js"} {
		t.Run(rel, func(t *testing.T) {
			entries := findIn(t, map[string]string{rel: src}, rel)
			if len(entries) != 1 {
				t.Fatalf("entries = %q, want only the default export", ids(entries))
			}
			e := entries[0]
			if e.Kind != report.KindAPIRoute {
				t.Errorf("Kind = %q, want %q", e.Kind, report.KindAPIRoute)
			}
			if e.ID != rel+"#default" {
				t.Errorf("ID = %q, want %q", e.ID, rel+"#default")
			}
			if e.Position.Line != 1 {
				t.Errorf("Position.Line = %d, want 1", e.Position.Line)
			}
		})
	}
}

func TestFindAPIRouteWithoutDefault(t *testing.T) {
	rel := "pages/api/none.ts"
	entries := findIn(t, map[string]string{rel: "export const config = {};\n"}, rel)
	if len(entries) != 1 {
		t.Fatalf("entries = %q, want one unresolved default", ids(entries))
	}
	if entries[0].Unresolved == "" {
		t.Error("Unresolved empty, want the missing default export")
	}
}

func TestFindInlineComment(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		want  string
		line  int
		found bool
	}{
		{"line comment", "\"use server\";\n// actionguard: public -- newsletter\nexport async function a() {}\n", "// actionguard: public -- newsletter", 2, true},
		{"block comment", "\"use server\";\n  /* actionguard: public -- ok */\nexport async function a() {}\n", "/* actionguard: public -- ok */", 2, true},
		{"other comment", "\"use server\";\n// saves the form\nexport async function a() {}\n", "", 0, false},
		{"blank line between", "\"use server\";\n// actionguard: public -- x\n\nexport async function a() {}\n", "", 0, false},
		{"not a comment", "\"use server\";\nconst s = \"actionguard: public\";\nexport async function a() {}\n", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries := findIn(t, map[string]string{"app/a.ts": tt.src}, "app/a.ts")
			e := byName(t, entries, "a")
			if (e.Inline != nil) != tt.found {
				t.Fatalf("Inline = %+v, want found = %v", e.Inline, tt.found)
			}
			if e.Inline == nil {
				return
			}
			if e.Inline.Text != tt.want {
				t.Errorf("Inline.Text = %q, want %q", e.Inline.Text, tt.want)
			}
			if e.Inline.Line != tt.line {
				t.Errorf("Inline.Line = %d, want %d", e.Inline.Line, tt.line)
			}
		})
	}
}

func TestMayHoldEntries(t *testing.T) {
	tests := []struct {
		rel  string
		src  string
		want bool
	}{
		{"app/api/x/route.ts", "", true},
		{"src/app/route.mjs", "", true},
		{"pages/api/hello.js", "", true},
		{"src/pages/api/a/b.cts", "", true},
		{"app/actions.ts", "'use server'\n", true},
		{"lib/util.ts", "function f() { \"use server\"; }", true},
		{"app/page.tsx", "export default function Page() {}", false},
		{"app/route.css", "", false},
		{"pages/index.tsx", "", false},
		{"lib/app/route.ts", "", false},
		{"pages/api/readme.md", "", false},
	}
	for _, tt := range tests {
		if got := MayHoldEntries(tt.rel, []byte(tt.src)); got != tt.want {
			t.Errorf("MayHoldEntries(%q, %q) = %v, want %v", tt.rel, tt.src, got, tt.want)
		}
	}
}
