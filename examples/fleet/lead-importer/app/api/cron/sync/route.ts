import { eq, isNull } from "drizzle-orm";
import { pushLeadToCrm } from "@/lib/crm";
import { db } from "@/lib/db";
import { leads } from "@/lib/schema";

export async function GET(request: Request) { // want "fail-open-allowlist P1"
  const authorization = request.headers.get("authorization");
  if (authorization !== `Bearer ${process.env.CRON_SECRET}`) {
    return new Response("Unauthorized", { status: 401 });
  }

  const pending = await db.select().from(leads).where(isNull(leads.syncedAt)).limit(100);
  let synced = 0;
  for (const lead of pending) {
    const crmContactId = await pushLeadToCrm(lead);
    await db.update(leads).set({ crmContactId, syncedAt: new Date() }).where(eq(leads.id, lead.id));
    synced += 1;
  }

  return Response.json({ synced });
}
