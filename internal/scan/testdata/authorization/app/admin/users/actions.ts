"use server";

import { prisma } from "@/lib/db";
import { requireAdmin, requireMember, requireUser } from "@/lib/auth";

export async function banUser(id: string) {
  await requireAdmin();
  await prisma.user.update({ where: { id }, data: { banned: true } });
}

export async function deleteUser(id: string) { // want "missing-role-check P1"
  await requireUser();
  await prisma.user.delete({ where: { id } });
}

export async function resetPassword(id: string) { // want "missing-role-check P1"
  await requireMember();
  await prisma.user.update({ where: { id }, data: { passwordHash: null } });
}

export async function promote(id: string) {
  const user = await requireUser();
  if (!user.isAdmin) throw new Error("Forbidden");
  await prisma.user.update({ where: { id }, data: { role: "admin" } });
}

export async function demote(id: string, input: { role: string }) { // want "missing-role-check P1"
  await requireUser();
  if (input.role !== "admin") throw new Error("Forbidden");
  await prisma.user.update({ where: { id }, data: { role: "member" } });
}
