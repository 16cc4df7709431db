"use server";

import { auth } from "@/auth";
import { prisma } from "@/lib/db";

export async function createNote(formData: FormData) { // want "missing-auth P0"
  await prisma.note.create({ data: { body: String(formData.get("body")) } });
}

export const deleteNote = async (id: string) => { // want "missing-auth P0"
  await prisma.note.delete({ where: { id } });
};

// The same export form with a guard, which must not be reported.
export const restoreNote = async (id: string) => {
  const session = await auth();
  if (!session?.user) throw new Error("Unauthorized");
  await prisma.note.update({ where: { id }, data: { deletedAt: null } });
};

export default async function archiveNote(id: string) { // want "missing-auth P0"
  await prisma.note.update({ where: { id }, data: { archived: true } });
}

async function renameNoteUnchecked(id: string, title: string) {
  await prisma.note.update({ where: { id }, data: { title } });
}

async function pinNoteChecked(id: string) {
  const session = await auth();
  if (!session?.user) return { error: "Sign in first" };
  await prisma.note.update({ where: { id }, data: { pinned: true } });
  return { ok: true };
}

export { renameNoteUnchecked as renameNote }; // want "missing-auth P0"
export { pinNoteChecked as pinNote };

export { listNotes } from "./queries"; // want "missing-auth P1"
export * from "./sharing"; // want "missing-auth P0"
