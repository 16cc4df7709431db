"use server";

import { prisma } from "@/lib/db";

// No module that the scan could read imports this file, but one import
// could not be resolved, so the action stays client-reachable.
export async function banUser(id: string) { // want "missing-auth P0"
  await prisma.user.delete({ where: { id } });
}
