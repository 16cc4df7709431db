"use server";

import { requireUser } from "@/lib/auth";
import { prisma } from "@/lib/db";

export async function saveNote(text: string) {
  const user = await requireUser();
  await prisma.note.create({ data: { text, ownerId: user.id } });
}

export async function deleteNote(id: string) {
  await prisma.note.delete({ where: { id } });
}
