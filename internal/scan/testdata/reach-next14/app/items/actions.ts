"use server";

import { prisma } from "@/lib/db";

export async function createItem(name: string) { // want "missing-auth P0"
  await prisma.item.create({ data: { name } });
}

// Client code never names it, but Next.js 14 sends the IDs of every
// export of a module to the browser once client code imports one.
export async function deleteItem(id: string) { // want "missing-auth P0"
  await prisma.item.delete({ where: { id } });
}
