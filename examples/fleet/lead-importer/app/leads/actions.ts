"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseLeadCsv } from "@/lib/csv";
import { db } from "@/lib/db";
import { importBatches, leads, type LeadStatus } from "@/lib/schema";
import { getCurrentUser } from "@/lib/session";

export type ActionResult = { error: string } | { ok: true };
export type ImportState = { error: string } | { imported: number; skipped: number } | null;

export async function updateLeadStatus(leadId: string, status: LeadStatus): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) {
    return { error: "Not signed in" };
  }

  await db.update(leads).set({ status, updatedAt: new Date() }).where(eq(leads.id, leadId));
  revalidatePath("/leads");
  return { ok: true };
}

export const assignLead = async (leadId: string, ownerEmail: string): Promise<ActionResult> => {
  const user = await getCurrentUser();
  if (!user) {
    throw new Error("Unauthorized");
  }

  const owner = z.email().parse(ownerEmail.trim().toLowerCase());
  await db.update(leads).set({ ownerEmail: owner, updatedAt: new Date() }).where(eq(leads.id, leadId));
  revalidatePath("/leads");
  return { ok: true };
};

async function importLeadsFromCsv(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const user = await getCurrentUser();
  if (!user) {
    return { error: "Not signed in" };
  }

  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return { error: "Choose a CSV file to import." };
  }

  const { leads: rows, skipped } = parseLeadCsv(await file.text());
  if (rows.length === 0) {
    return { error: `No valid rows found (${skipped} skipped).` };
  }

  const [batch] = await db
    .insert(importBatches)
    .values({ fileName: file.name, rowCount: rows.length, importedBy: user.id })
    .returning({ id: importBatches.id });
  await db
    .insert(leads)
    .values(rows.map((row) => ({ ...row, batchId: batch.id })))
    .onConflictDoNothing({ target: leads.email });

  revalidatePath("/leads");
  return { imported: rows.length, skipped };
}

export { importLeadsFromCsv as importCsv };
