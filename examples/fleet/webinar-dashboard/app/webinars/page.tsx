import Link from "next/link";
import { desc, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { WebinarForm } from "@/components/webinar-form";
import { db } from "@/lib/db";
import { webinars } from "@/lib/schema";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function WebinarsPage() {
  const rows = await db.select().from(webinars).orderBy(desc(webinars.startsAt));

  async function archiveWebinar(formData: FormData) {
    "use server";
    const session = await auth();
    if (!session?.user) {
      redirect("/login");
    }

    const webinarId = String(formData.get("webinarId"));
    await db
      .update(webinars)
      .set({ status: "archived", updatedBy: session.user.id ?? null, updatedAt: new Date() })
      .where(eq(webinars.id, webinarId));
    revalidatePath("/webinars");
  }

  return (
    <main>
      <h1>Webinars</h1>
      <table>
        <thead>
          <tr>
            <th>Title</th>
            <th>Starts (UTC)</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((webinar) => (
            <tr key={webinar.id}>
              <td>
                <Link href={`/webinars/${webinar.id}`}>{webinar.title}</Link>
              </td>
              <td>{dateFormat.format(webinar.startsAt)}</td>
              <td>{webinar.status}</td>
              <td>
                {webinar.status !== "archived" && (
                  <form action={archiveWebinar}>
                    <input type="hidden" name="webinarId" value={webinar.id} />
                    <button type="submit">Archive</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Schedule a webinar</h2>
      <WebinarForm />
    </main>
  );
}
