"use server";

import { prisma } from "@/lib/db";

export async function shareNote(id: string, email: string) { // want "missing-auth P0"
  await prisma.share.create({ data: { noteId: id, email } });
}
