"use server";

import { auth } from "@clerk/nextjs/server";
import { prisma } from "@/lib/db";

export async function renameBoard(id: string, name: string) { // want "auth-not-enforced P0"
  // Clerk's auth() always returns an object, so this test never fails.
  const a = await auth();
  if (!a) throw new Error("Unauthorized");
  await prisma.board.update({ where: { id }, data: { name } });
}

export async function renameBoardChecked(id: string, name: string) {
  const a = await auth();
  if (!a.userId) throw new Error("Unauthorized");
  await prisma.board.update({ where: { id }, data: { name, ownerId: a.userId } });
}
