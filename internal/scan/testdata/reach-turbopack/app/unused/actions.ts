"use server";

import { prisma } from "@/lib/db";

// No module imports this file.
export async function dropAll() { // want "missing-auth P2"
  await prisma.post.deleteMany();
}
