"use server";

import { peekUser, requireUser } from "@acme/auth";
import { prisma } from "@/lib/db";

export async function saveDraft(text: string) {
  const user = await requireUser();
  await prisma.draft.create({ data: { text, authorId: user.id } });
}

export async function publishDraft(id: string) { // want "missing-auth P0"
  await peekUser();
  await prisma.draft.update({ where: { id }, data: { published: true } });
}
