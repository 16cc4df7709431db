"use server";

import { notesRouter } from "@/lib/orpc/router";

export const removeNote = notesRouter.remove.actionable();

export const purgeNotes = notesRouter.purge.actionable(); // want "missing-auth P0"
