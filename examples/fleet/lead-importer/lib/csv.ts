import Papa from "papaparse";
import { z } from "zod";
import type { NewLead } from "@/lib/schema";

const csvRow = z.object({
  email: z.email(),
  full_name: z.string().trim().min(1),
  company: z.string().trim().optional(),
  phone: z.string().trim().optional(),
});

// Parses a CSV export with a header row. Rows that fail validation are skipped and counted.
export function parseLeadCsv(text: string): { leads: NewLead[]; skipped: number } {
  const { data } = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
    transformHeader: (header) => header.trim().toLowerCase().replace(/\s+/g, "_"),
  });

  const leads: NewLead[] = [];
  let skipped = 0;
  for (const row of data) {
    const parsed = csvRow.safeParse(row);
    if (!parsed.success) {
      skipped += 1;
      continue;
    }
    leads.push({
      email: parsed.data.email.toLowerCase(),
      fullName: parsed.data.full_name,
      company: parsed.data.company || null,
      phone: parsed.data.phone || null,
      source: "csv",
    });
  }
  return { leads, skipped };
}
