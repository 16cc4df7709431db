import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/lib/db";
import { registrations, webinars } from "@/lib/schema";

type ZoomMeeting = { id: string; join_url: string };

export async function createZoomMeeting(topic: string, startsAt: Date, durationMinutes: number): Promise<ZoomMeeting> {
  const response = await fetch("https://api.zoom.us/v2/users/me/meetings", {
    method: "POST",
    headers: {
      Authorization: `Bearer ${process.env.ZOOM_ACCESS_TOKEN}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      topic,
      type: 2,
      start_time: startsAt.toISOString(),
      duration: durationMinutes,
      settings: { waiting_room: true, auto_recording: "cloud" },
    }),
  });
  if (!response.ok) {
    throw new Error(`Zoom meeting creation failed with status ${response.status}`);
  }
  return response.json();
}

// Sends one reminder per active registration through Postmark's batch endpoint.
export async function sendReminderEmails(webinarId: string, note: string) {
  const [webinar] = await db.select().from(webinars).where(eq(webinars.id, webinarId));
  if (!webinar) {
    return 0;
  }

  const attendees = await db
    .select({ email: registrations.email, fullName: registrations.fullName })
    .from(registrations)
    .where(and(eq(registrations.webinarId, webinarId), isNull(registrations.cancelledAt)));

  const messages = attendees.map((attendee) => ({
    From: "events@brightwave.events",
    To: attendee.email,
    Subject: `Reminder: ${webinar.title}`,
    TextBody: `Hi ${attendee.fullName},\n\n${webinar.title} starts at ${webinar.startsAt.toUTCString()}.\n\n${note}`,
  }));

  const response = await fetch("https://api.postmarkapp.com/email/batch", {
    method: "POST",
    headers: {
      "X-Postmark-Server-Token": process.env.POSTMARK_TOKEN ?? "",
      "Content-Type": "application/json",
    },
    body: JSON.stringify(messages),
  });
  if (!response.ok) {
    throw new Error(`Postmark batch send failed with status ${response.status}`);
  }
  return messages.length;
}
