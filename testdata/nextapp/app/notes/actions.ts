"use server";

import { assertUser, requireUser } from "@/lib/auth";
import { recordEffect } from "@/lib/effect";
import { shareNote } from "./sharing";

// Unauthenticated.
export async function createNote() {
  await recordEffect("createNote");
  return { created: true };
}

// Authenticated: requireUser redirects a caller without a session.
export const deleteNote = async () => {
  await requireUser();
  await recordEffect("deleteNote");
  return { deleted: true };
};

// Unauthenticated default export.
export default async function archiveNotes() {
  await recordEffect("archiveNotes");
  return { archived: true };
}

// Authenticated: assertUser throws for a caller without a session.
async function renameNoteImpl() {
  await assertUser();
  await recordEffect("renameNote");
  return { renamed: true };
}

export { renameNoteImpl as renameNote };

// Next.js 16.5 rejects `export { shareNote } from "./sharing"` in a
// "use server" file, so the re-export goes through an import.
export { shareNote };

// Referenced nowhere. Client code imports this module but not this export,
// so a Turbopack build (the default in Next.js 16) gives it no action ID.
// A `next build --webpack` build gives every export of the module one.
export async function purgeNotes() {
  await recordEffect("purgeNotes");
  return { purged: true };
}
