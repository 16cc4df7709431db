package analysis

import (
	"testing"

	"github.com/actionguard/actionguard/internal/module"
	"github.com/actionguard/actionguard/internal/parse"
)

// packageResolver treats every specifier as an npm package, so a fuzzed
// file is analyzed alone and no file is read.
type packageResolver struct{}

func (packageResolver) Resolve(fromFile, specifier string) module.Target {
	return module.Target{Package: specifier}
}

func FuzzAnalyze(f *testing.F) {
	seeds := []string{
		`"use server";
import { prisma } from "@/lib/db";
import { auth } from "@clerk/nextjs/server";
export async function save(id: string) {
  const { userId } = await auth();
  if (!userId) throw new Error("Unauthorized");
  await prisma.post.delete({ where: { id } });
}
`,
		`export const POST = withAuth(async (user, req) => {
  try { await db.insert(users).values({ id: user.id }); } catch { return null; }
});
function withAuth(fn) { return async (req) => { const s = await getSession(); if (!s) redirect("/login"); return fn(s.user, req); }; }
`,
		`export default async function handler(req, res) {
  const a = () => b(); const b = () => a();
  for (const x of req.body.items) { await fetch(x); }
  return res.json({ ok: a() });
}
`,
		`export const { GET, POST } = handlers;
const { handlers } = NextAuth({ providers: [] });
export const action = client.use(async ({ next }) => { if (!(await auth())) throw 1; return next(); }).action(async () => {});
`,
		"export function f() { return <p>a & b</p> }",
	}
	for _, s := range seeds {
		f.Add(s)
	}

	f.Fuzz(func(t *testing.T, src string) {
		file, err := parse.Parse("/app/actions.tsx", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		m := module.Extract(file)
		a := New(module.NewProgram(packageResolver{}), "/app", []string{"requireUser"})

		var visit func(n *parse.Node)
		visit = func(n *parse.Node) {
			if module.IsFunction(n) {
				a.Analyze(Target{Module: m, Node: n})
			}
			for i := 0; i < int(n.NamedChildCount()); i++ {
				visit(n.NamedChild(i))
			}
		}
		visit(file.Root)

		for _, d := range m.Decls {
			if d.Init != nil {
				a.Analyze(Target{Module: m, Node: d.Init, Path: d.Path})
			}
		}
		_ = a.InferredGuards()
	})
}
