"use server";

import { auth as clerkAuth } from "@clerk/nextjs/server";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";

export async function renameProject(id: string, name: string) {
  await requireUser();
  await prisma.project.update({ where: { id }, data: { name } });
}

export async function adminArchiveProject(id: string) { // want "missing-role-check P1"
  await requireUser();
  await prisma.project.update({ where: { id }, data: { archived: true } });
}

export async function adminRestoreProject(id: string) {
  const { has, userId } = await clerkAuth();
  if (!userId || !has({ role: "org:admin" })) throw new Error("Forbidden");
  await prisma.project.update({ where: { id }, data: { archived: false } });
}

export async function adminPurgeProject(id: string) {
  await clerkAuth.protect({ role: "org:admin" });
  await prisma.project.delete({ where: { id } });
}
