"use server";

import { prisma } from "@/lib/db";

export async function saveSettings(formData: FormData) { // want "missing-auth P0"
  await prisma.settings.update({ where: { id: 1 }, data: { theme: String(formData.get("theme")) } });
}

// Nothing calls it, but a server component imports this module, and then
// every export gets an action ID.
export async function resetSettings() { // want "missing-auth P0"
  await prisma.settings.deleteMany();
}
