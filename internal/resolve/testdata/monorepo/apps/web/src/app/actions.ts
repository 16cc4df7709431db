"use server";
import { requireAuth } from "@/lib/session";
import { db } from "@/lib/db";

export async function createPost(title: string) {
  await requireAuth();
  await db.post.create({ data: { title } });
}
