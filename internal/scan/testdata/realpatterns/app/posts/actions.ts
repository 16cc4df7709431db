"use server";

import { prisma } from "@/lib/db";
import { assertAuthenticated, getUser } from "@/lib/session";

export async function deletePost(id: string) {
  await assertAuthenticated();
  await prisma.post.delete({ where: { id } });
}

export async function renamePost(id: string, title: string) {
  const user = await getUser();
  if (!user) return { error: "Not signed in" };
  await prisma.post.update({ where: { id }, data: { title } });
}

export async function publishPost(id: string) { // want "auth-not-enforced P0"
  const user = await getUser();
  await prisma.post.update({ where: { id }, data: { published: true, by: user?.sub } });
}
