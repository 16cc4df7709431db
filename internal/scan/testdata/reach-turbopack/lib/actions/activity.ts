"use server";

import { prisma } from "@/lib/db";

// Called only by another action on the server, never by client code.
export async function logActivity(message: string) { // want "missing-auth P2"
  await prisma.activity.create({ data: { message } });
}
