package analysis

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/actionguard/actionguard/internal/module"
)

// fakeResolver maps "@/x" to x.ts under the app root and any other
// specifier to an npm package.
type fakeResolver struct{ root string }

func (r fakeResolver) Resolve(fromFile, specifier string) module.Target {
	name, local := strings.CutPrefix(specifier, "@/")
	if !local {
		return module.Target{Package: specifier}
	}
	path := filepath.Join(r.root, name+".ts")
	if _, err := os.Stat(path); err != nil {
		return module.Target{Reason: specifier + " not found"}
	}
	return module.Target{Path: path}
}

// Helpers shared by the cases: a Prisma client and a session guard that
// throws when Clerk returns no user.
var commonFiles = map[string]string{
	"lib/db": `import { PrismaClient } from "@prisma/client";
export const prisma = new PrismaClient();
`,
	"lib/auth": `import { auth } from "@clerk/nextjs/server";
export async function requireUser() {
  const { userId } = await auth();
  if (!userId) throw new Error("Unauthorized");
  return userId;
}
`,
}

// analyze returns the verdict of the export called name in app/actions.ts,
// over the files that setup writes.
func analyze(t *testing.T, files map[string]string, name string) Verdict {
	t.Helper()
	a, target := setup(t, files, name)
	return a.Analyze(target)
}

// setup writes commonFiles and files under a temp app root and returns an
// Analyzer with the target of the export called name in app/actions.ts.
func setup(t *testing.T, files map[string]string, name string) (*Analyzer, Target) {
	t.Helper()
	root := t.TempDir()
	all := map[string]string{}
	for k, v := range commonFiles {
		all[k] = v
	}
	for k, v := range files {
		all[k] = v
	}
	for rel, src := range all {
		path := filepath.Join(root, rel+".ts")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	prog := module.NewProgram(fakeResolver{root: root})
	m, err := prog.Load(filepath.Join(root, "app/actions.ts"))
	if err != nil {
		t.Fatal(err)
	}
	if !m.File.SyntaxError.IsZero() {
		t.Fatalf("app/actions.ts: syntax error at %+v", m.File.SyntaxError)
	}
	sym := prog.ResolveExport(m, name)
	if sym.Decl == nil {
		t.Fatalf("export %s not found: %s", name, sym.Reason)
	}
	return New(prog, root, nil), Target{Module: sym.Module, Node: sym.Decl.Node}
}

func TestAnalyzeVerdicts(t *testing.T) {
	tests := []struct {
		name          string
		src           string
		auth          string
		write         bool
		authorization string
	}{
		{
			name: "guard then write",
			src: `import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";
export async function run(id: string) {
  await requireUser();
  await prisma.post.delete({ where: { id } });
}
`,
			auth: StatusAuthenticated,
		},
		{
			name: "write then guard",
			src: `import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";
export async function run(id: string) {
  await prisma.post.delete({ where: { id } });
  await requireUser();
}
`,
			auth:  StatusAfterEffect,
			write: true,
		},
		{
			name: "no guard",
			src: `import { prisma } from "@/lib/db";
export async function run(id: string) {
  await prisma.post.update({ where: { id }, data: { done: true } });
}
`,
			auth:  StatusMissing,
			write: true,
		},
		{
			name: "identity read without check",
			src: `import { prisma } from "@/lib/db";
import { auth } from "@clerk/nextjs/server";
export async function run(id: string) {
  const { userId } = await auth();
  await prisma.post.create({ data: { id, authorId: userId } });
}
`,
			auth:  StatusNotEnforced,
			write: true,
		},
		{
			name: "return when no session",
			src: `import { prisma } from "@/lib/db";
import { auth } from "@clerk/nextjs/server";
export async function run(id: string) {
  const session = await auth();
  if (!session.userId) return;
  await prisma.post.delete({ where: { id } });
}
`,
			auth: StatusAuthenticated,
		},
		{
			name: "try catch swallows guard",
			src: `import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";
export async function run(id: string) {
  try {
    await requireUser();
  } catch {
    console.log("not signed in");
  }
  await prisma.post.delete({ where: { id } });
}
`,
			// The guard read the identity, but the catch lets the missing
			// case through to the write.
			auth:  StatusNotEnforced,
			write: true,
		},
		{
			name: "role check",
			src: `import { prisma } from "@/lib/db";
import { currentUser } from "@clerk/nextjs/server";
export async function run(id: string) {
  const user = await currentUser();
  if (!user) throw new Error("Unauthorized");
  if (user.publicMetadata.role !== "admin") throw new Error("Forbidden");
  await prisma.user.delete({ where: { id } });
}
`,
			auth:          StatusAuthenticated,
			authorization: "admin",
		},
		{
			name: "role from session",
			src: `import { prisma } from "@/lib/db";
import { getSession } from "@/lib/session";
export async function run(id: string) {
  const session = await getSession();
  if (!session || session.user.role !== "admin") throw new Error("Forbidden");
  await prisma.user.delete({ where: { id } });
}
`,
			auth:          StatusAuthenticated,
			authorization: "admin",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"app/actions": tt.src,
				"lib/session": `import { auth } from "@clerk/nextjs/server";
export async function getSession() {
  const { userId, sessionClaims } = await auth();
  if (!userId) return null;
  return { user: { id: userId, role: sessionClaims?.role } };
}
`,
			}
			v := analyze(t, files, "run")
			if v.Auth != tt.auth {
				t.Errorf("Auth = %q, want %q (why %q, offending %+v)", v.Auth, tt.auth, v.Why, v.Offending)
			}
			if v.Write != tt.write {
				t.Errorf("Write = %v, want %v (offending %+v)", v.Write, tt.write, v.Offending)
			}
			if v.Authorization != tt.authorization {
				t.Errorf("Authorization = %q, want %q", v.Authorization, tt.authorization)
			}
			if len(v.Effects) == 0 {
				t.Error("Effects empty, want the Prisma call")
			}
		})
	}
}

func TestAnalyzeHelperCycle(t *testing.T) {
	files := map[string]string{
		"app/actions": `import { prisma } from "@/lib/db";
import { ping } from "@/lib/cycle";
export async function run(id: string) {
  await ping(3);
  await prisma.post.delete({ where: { id } });
}
`,
		"lib/cycle": `import { requireUser } from "@/lib/auth";
export async function ping(n: number) {
  if (n > 0) return pong(n - 1);
  return requireUser();
}
export async function pong(n: number) {
  return ping(n);
}
`,
	}
	a, target := setup(t, files, "run")
	done := make(chan Verdict, 1)
	go func() { done <- a.Analyze(target) }()

	select {
	case v := <-done:
		if v.Auth == "" {
			t.Error("Auth empty, want a status")
		}
		if len(v.Effects) == 0 {
			t.Error("Effects empty, want the Prisma call")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Analyze did not return within 10s on a cycle of two helpers")
	}
}

// chain returns a module whose f0 calls f1 and so on to f{depth-1}, which
// writes to the database.
func chain(depth int) string {
	var b strings.Builder
	b.WriteString("import { prisma } from \"@/lib/db\";\n")
	for i := 0; i < depth-1; i++ {
		fmt.Fprintf(&b, "export async function f%d(id: string) {\n  await f%d(id);\n}\n", i, i+1)
	}
	fmt.Fprintf(&b, "export async function f%d(id: string) {\n  await prisma.post.delete({ where: { id } });\n}\n", depth-1)
	return b.String()
}

func TestAnalyzeDeepRecursion(t *testing.T) {
	const depth = 200
	files := map[string]string{"app/actions": chain(depth)}

	a, target := setup(t, files, "f0")
	start := time.Now()
	done := make(chan Verdict, 1)
	go func() { done <- a.Analyze(target) }()

	select {
	case v := <-done:
		// Whether or not the walk reaches the write past its depth limit,
		// no path contains a guard, so the entry must not pass.
		if v.Auth == StatusAuthenticated {
			t.Errorf("Auth = %q, want anything but authenticated", v.Auth)
		}
		if elapsed := time.Since(start); elapsed > 5*time.Second {
			t.Errorf("Analyze took %v on %d nested calls, want under 5s", elapsed, depth)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("Analyze did not return within 30s on %d nested calls", depth)
	}
}

func TestAnalyzeShallowChainFindsWrite(t *testing.T) {
	v := analyze(t, map[string]string{"app/actions": chain(10)}, "f0")
	if v.Auth != StatusMissing {
		t.Errorf("Auth = %q, want %q", v.Auth, StatusMissing)
	}
	if !v.Write {
		t.Error("Write = false, want the delete ten calls down")
	}
}
