"use server";

import { requireUser } from "@/lib/auth";
import { prisma } from "@/lib/db";

export async function banUser(id: string) {
  await requireUser();
  await prisma.user.update({ where: { id }, data: { banned: true } });
}
