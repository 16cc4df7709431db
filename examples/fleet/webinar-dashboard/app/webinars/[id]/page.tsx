import { and, eq, isNull } from "drizzle-orm";
import { notFound } from "next/navigation";
import { CancelRegistrationButton, RescheduleForm } from "@/components/webinar-controls";
import { db } from "@/lib/db";
import { sendReminderEmails } from "@/lib/integrations";
import { registrations, webinars } from "@/lib/schema";

export default async function WebinarDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [webinar] = await db.select().from(webinars).where(eq(webinars.id, id));
  if (!webinar) {
    notFound();
  }

  const attendees = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.webinarId, id), isNull(registrations.cancelledAt)));

  return (
    <main>
      <h1>{webinar.title}</h1>
      <p>Host: {webinar.hostEmail}</p>
      <RescheduleForm webinarId={webinar.id} startsAt={webinar.startsAt.toISOString()} />

      <h2>Send a reminder</h2>
      <form
        action={async (formData: FormData) => { // want "missing-auth P0"
          "use server";
          const note = String(formData.get("note") ?? "").slice(0, 1000);
          await sendReminderEmails(id, note);
        }}
      >
        <textarea name="note" rows={3} placeholder="Optional note, for example the slides link" />
        <button type="submit">Email {attendees.length} attendees</button>
      </form>

      <h2>Registrations</h2>
      <ul>
        {attendees.map((attendee) => (
          <li key={attendee.id}>
            {attendee.fullName} ({attendee.email}){attendee.company ? `, ${attendee.company}` : ""}
            <CancelRegistrationButton registrationId={attendee.id} />
          </li>
        ))}
      </ul>
    </main>
  );
}
