"use server";

import { prisma } from "@/lib/db";

export async function unfinished(id: string) { // want "missing-auth P0"
  await prisma.post.delete({ where: { id } ); // want "parse-error P2"
}
