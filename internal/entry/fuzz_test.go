package entry

import (
	"testing"

	"github.com/actionguard/actionguard/internal/module"
	"github.com/actionguard/actionguard/internal/parse"
)

// noResolver resolves nothing, so Find works on the fuzzed file alone.
type noResolver struct{}

func (noResolver) Resolve(fromFile, specifier string) module.Target {
	return module.Target{Reason: "fuzzing resolves no imports"}
}

func FuzzParseExtract(f *testing.F) {
	seeds := []struct{ rel, src string }{
		{"app/actions.ts", "\"use server\";\nimport { a } from \"./a\";\nexport async function save() {}\nexport const { x, y: [z] } = f();\nexport * from \"./b\";\nexport * as ns from \"./c\";\nexport { a as b };\nexport default a;\n"},
		{"app/page.tsx", "export default function Page() {\n  async function s() { \"use server\"; }\n  return <form action={async () => { \"use server\"; }}>a & b</form>;\n}\n"},
		{"app/api/x/route.ts", "export async function GET() {}\nexport const POST = handler;\nexport { h as PUT };\nexport const revalidate = 60;\n"},
		{"pages/api/hello.js", "// actionguard: public -- health check\nexport default (req, res) => res.json({});\n"},
		{"app/a.ts", "import { a from \"x\"\nexport {"},
	}
	for _, s := range seeds {
		f.Add(s.rel, s.src)
	}

	f.Fuzz(func(t *testing.T, rel, src string) {
		path := "/app/" + rel
		file, err := parse.Parse(path, []byte(src))
		if err != nil {
			return // not a source extension
		}
		_ = file.TopLevelError()
		m := module.Extract(file)
		for _, e := range Find(module.NewProgram(noResolver{}), m, rel) {
			if e.ID == "" {
				t.Errorf("entry %+v has no ID", e)
			}
		}
		_ = MayHoldEntries(rel, []byte(src))
	})
}
