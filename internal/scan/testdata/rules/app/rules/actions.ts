"use server";

import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";

// The guard runs only when a draft is published; saving a draft is open.
export async function saveOrPublish(formData: FormData) { // want "missing-auth P0"
  if (formData.get("publish") === "yes") {
    const session = await auth();
    if (!session?.user) throw new Error("Unauthorized");
  }
  await prisma.post.create({ data: { title: String(formData.get("title")) } });
}

export async function saveOrPublishChecked(formData: FormData) {
  if (formData.get("publish") === "yes") {
    await requireUser();
  } else {
    const session = await auth();
    if (!session?.user) throw new Error("Unauthorized");
  }
  await prisma.post.create({ data: { title: String(formData.get("title")) } });
}

export async function likePost(id: string) { // want "auth-after-effect P0"
  await prisma.like.create({ data: { postId: id } });
  await requireUser();
}

export async function viewPost(id: string) { // want "auth-after-effect P1"
  const post = await prisma.post.findUnique({ where: { id } });
  await requireUser();
  return post;
}

export async function tagPost(id: string, tag: string) { // want "auth-not-enforced P0"
  const session = await auth();
  await prisma.tag.create({ data: { postId: id, tag, by: session?.user?.id } });
}

export async function flagPost(id: string) { // want "auth-not-enforced P0"
  const session = await auth();
  if (!session) console.warn("flagPost called without a session");
  await prisma.flag.create({ data: { postId: id } });
}

export async function hidePost(id: string) { // want "auth-not-enforced P0"
  try {
    await requireUser();
  } catch {
    // The redirect is swallowed here and the write below still runs.
  }
  await prisma.post.update({ where: { id }, data: { hidden: true } });
}

export async function hidePostRethrow(id: string) {
  try {
    await requireUser();
  } catch (error) {
    console.error("hidePostRethrow", error);
    throw error;
  }
  await prisma.post.update({ where: { id }, data: { hidden: true } });
}

export async function hidePostReturn(id: string) {
  try {
    await requireUser();
  } catch {
    return { error: "Sign in to hide posts" };
  }
  await prisma.post.update({ where: { id }, data: { hidden: true } });
  return { ok: true };
}

export async function pinPost(id: string) {
  const session = await auth();
  if (!session?.user) {
    return { error: "Unauthorized" };
  }
  await prisma.post.update({ where: { id }, data: { pinned: true } });
  return { ok: true };
}

export async function slugify(title: string) { // want "missing-auth P3"
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

export async function archivePost(id: string) { // want "missing-auth P0"
  // Without await the promise is dropped and the write runs regardless.
  requireUser();
  await prisma.post.update({ where: { id }, data: { archived: true } });
}

export async function unarchivePost(id: string) { // want "auth-not-enforced P0"
  await requireUser().catch(() => null);
  await prisma.post.update({ where: { id }, data: { archived: false } });
}

export async function closeOrRedirect(id: string) {
  const session = await auth();
  session || redirect("/login");
  await prisma.post.delete({ where: { id } });
}
