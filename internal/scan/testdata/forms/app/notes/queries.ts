"use server";

import { prisma } from "@/lib/db";

export async function listNotes() { // want "missing-auth P1"
  return prisma.note.findMany();
}
