// Package fleetgen writes synthetic Next.js fleets for benchmarks: many apps,
// each with Server Actions that reach guards and effects through helper
// modules, so a scan exercises parsing, import resolution and summaries.
package fleetgen

import (
	"fmt"
	"os"
	"path/filepath"
)

// Generate writes apps apps under dir, each with about filesPerApp source
// files, and returns the number of files written.
func Generate(dir string, apps, filesPerApp int) (int, error) {
	written := 0
	for a := 0; a < apps; a++ {
		root := filepath.Join(dir, fmt.Sprintf("app-%03d", a))
		files := map[string]string{
			"package.json":  fmt.Sprintf(`{"name":"app-%03d","dependencies":{"next":"15.5.10","@prisma/client":"6.0.0"}}`, a),
			"tsconfig.json": `{"compilerOptions":{"baseUrl":".","paths":{"@/*":["./*"]}}}`,
			"lib/db.ts":     "import { PrismaClient } from \"@prisma/client\";\nexport const prisma = new PrismaClient();\n",
			"lib/auth.ts":   authFile,
		}
		for i := 0; len(files) < filesPerApp; i++ {
			switch i % 4 {
			case 0:
				files[fmt.Sprintf("app/area%d/actions.ts", i)] = fmt.Sprintf(actionsFile, i, i, i, i)
			case 1:
				files[fmt.Sprintf("lib/service%d.ts", i)] = fmt.Sprintf(serviceFile, i, i)
			case 2:
				files[fmt.Sprintf("app/area%d/page.tsx", i-2)] = fmt.Sprintf(pageFile, i, i-2)
			case 3:
				files[fmt.Sprintf("components/widget%d.tsx", i)] = fmt.Sprintf(componentFile, i)
			}
		}
		for name, content := range files {
			path := filepath.Join(root, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return written, err
			}
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				return written, err
			}
			written++
		}
	}
	return written, nil
}

const authFile = `import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";

export async function getCurrentUser() {
  const token = (await cookies()).get("session")?.value;
  if (!token) return null;
  const session = await prisma.session.findUnique({ where: { token } });
  return session?.user ?? null;
}

export async function requireUser() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
`

const actionsFile = `"use server";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";
import { recordEvent%d } from "@/lib/service%d";

export async function createItem(title: string) {
  const user = await requireUser();
  await prisma.item.create({ data: { title, ownerId: user.id } });
  await recordEvent%d(user.id, "created");
}

export const deleteItem = async (id: string) => {
  await prisma.item.delete({ where: { id } });
  await recordEvent%d("anonymous", "deleted");
};

export async function listItems() {
  const user = await requireUser();
  return prisma.item.findMany({ where: { ownerId: user.id } });
}
`

const serviceFile = `import { prisma } from "@/lib/db";

export async function recordEvent%d(userId: string, kind: string) {
  const at = new Date();
  await prisma.event.create({ data: { userId, kind, at, source: "service-%d" } });
}
`

const pageFile = `import { prisma } from "@/lib/db";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";

export default async function Page%d() {
  const rows = await prisma.item.findMany();
  async function rename(formData: FormData) {
    "use server";
    const user = await getCurrentUser();
    if (!user) redirect("/login");
    await prisma.item.update({ where: { id: String(formData.get("id")) }, data: { title: String(formData.get("title")) } });
  }
  return <form action={rename}>{rows.length} items in area %d</form>;
}
`

const componentFile = `"use client";
import { useState } from "react";

export function Widget%d({ label }: { label: string }) {
  const [open, setOpen] = useState(false);
  return <button onClick={() => setOpen(!open)}>{open ? label : "..."}</button>;
}
`
