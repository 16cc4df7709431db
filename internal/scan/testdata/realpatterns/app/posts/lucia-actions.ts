"use server";

import { prisma } from "@/lib/db";
import { validateRequest } from "@/lib/lucia";

export async function archivePost(id: string) {
  const { user } = await validateRequest();
  if (!user) throw new Error("Not signed in");
  await prisma.post.update({ where: { id }, data: { archived: true } });
}

export async function pinPost(id: string) { // want "auth-not-enforced P0"
  const { session } = await validateRequest();
  console.log("pin requested", session?.id);
  await prisma.post.update({ where: { id }, data: { pinned: true } });
}
