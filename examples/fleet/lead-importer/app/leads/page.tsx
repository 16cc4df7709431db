import { desc, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { LeadRowActions } from "@/components/lead-row-actions";
import { db } from "@/lib/db";
import { leads } from "@/lib/schema";
import { getCurrentUser } from "@/lib/session";

export default async function LeadsPage() {
  const rows = await db.select().from(leads).orderBy(desc(leads.createdAt)).limit(200);
  const rejectedCount = rows.filter((lead) => lead.status === "rejected").length;

  return (
    <main>
      <h1>Leads</h1>
      <form
        action={async () => { // want "auth-not-enforced P0"
          "use server";
          const user = await getCurrentUser();
          if (!user) console.warn("Clearing rejected leads without a session");
          await db.delete(leads).where(eq(leads.status, "rejected"));
          revalidatePath("/leads");
        }}
      >
        <button type="submit" disabled={rejectedCount === 0}>
          Delete {rejectedCount} rejected leads
        </button>
      </form>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Company</th>
            <th>Source</th>
            <th>Status and owner</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((lead) => (
            <tr key={lead.id}>
              <td>{lead.fullName}</td>
              <td>{lead.email}</td>
              <td>{lead.company ?? ""}</td>
              <td>{lead.source}</td>
              <td>
                <LeadRowActions leadId={lead.id} status={lead.status} ownerEmail={lead.ownerEmail ?? ""} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
