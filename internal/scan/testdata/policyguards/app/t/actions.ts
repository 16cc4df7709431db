"use server";

import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/guards";
import { requireUser as legacyRequireUser } from "@/lib/legacy";

export async function good(id: string) {
  await requireUser();
  await prisma.post.delete({ where: { id } });
}

export async function bad(id: string) { // want "missing-auth P0"
  await legacyRequireUser();
  await prisma.post.delete({ where: { id } });
}
