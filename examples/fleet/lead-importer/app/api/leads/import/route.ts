import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { leads } from "@/lib/schema";

// Receives leads from the client's Zapier zap that watches their booking form.
const leadInput = z.object({
  email: z.email(),
  fullName: z.string().trim().min(1).max(200),
  company: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(40).optional(),
});

export async function POST(request: Request) { // want "missing-auth P0"
  const parsed = z.array(leadInput).min(1).max(500).safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ error: "Expected a JSON array of 1 to 500 leads." }, { status: 400 });
  }

  const inserted = await db
    .insert(leads)
    .values(parsed.data.map((lead) => ({ ...lead, email: lead.email.toLowerCase(), source: "zapier" })))
    .onConflictDoNothing({ target: leads.email })
    .returning({ id: leads.id });

  return NextResponse.json({ imported: inserted.length, duplicates: parsed.data.length - inserted.length });
}
