"use server";

import { prisma } from "@/lib/db";
import { logActivity } from "./activity";

// Reached by client code through the barrel.
export async function createPost(formData: FormData) { // want "missing-auth P0"
  await prisma.post.create({ data: { title: String(formData.get("title")) } });
  await logActivity("post created");
}

// No client code names it, and only client code imports this module, so a
// Turbopack build gives it no action ID.
export async function deletePost(id: string) { // want "missing-auth P2"
  await prisma.post.delete({ where: { id } });
}
