"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { createZoomMeeting } from "@/lib/integrations";
import { registrations, webinars } from "@/lib/schema";

const webinarInput = z.object({
  title: z.string().trim().min(3).max(120),
  description: z.string().trim().max(2000).optional(),
  startsAt: z.coerce.date(),
  durationMinutes: z.coerce.number().int().min(15).max(240),
  hostEmail: z.email(),
});

export type WebinarFormState = { error?: string; webinarId?: string } | null;
export type CancelRegistrationState = { error: string | null } | null;

function parseWebinar(formData: FormData) {
  return webinarInput.safeParse({
    title: formData.get("title"),
    description: formData.get("description") || undefined,
    startsAt: formData.get("startsAt"),
    durationMinutes: formData.get("durationMinutes"),
    hostEmail: formData.get("hostEmail"),
  });
}

export async function createWebinar(_previous: WebinarFormState, formData: FormData): Promise<WebinarFormState> {
  const session = await auth();
  if (!session?.user?.id) {
    throw new Error("Unauthorized");
  }

  const parsed = parseWebinar(formData);
  if (!parsed.success) {
    return { error: parsed.error.issues[0]?.message ?? "Check the webinar details." };
  }

  const meeting = await createZoomMeeting(parsed.data.title, parsed.data.startsAt, parsed.data.durationMinutes);
  const [row] = await db
    .insert(webinars)
    .values({ ...parsed.data, status: "scheduled", zoomMeetingId: meeting.id, createdBy: session.user.id })
    .returning({ id: webinars.id });

  revalidatePath("/webinars");
  return { webinarId: row.id };
}

export async function createWebinarV2(_previous: WebinarFormState, formData: FormData): Promise<WebinarFormState> { // want "missing-auth P0"
  const parsed = parseWebinar(formData);
  if (!parsed.success) {
    return { error: parsed.error.issues[0]?.message ?? "Check the webinar details." };
  }

  const [row] = await db
    .insert(webinars)
    .values({ ...parsed.data, status: "draft" })
    .returning({ id: webinars.id });

  revalidatePath("/webinars");
  return { webinarId: row.id };
}

export const updateWebinarSchedule = async (webinarId: string, startsAt: string) => { // want "auth-not-enforced P0"
  const session = await auth();
  const nextStart = z.coerce.date().parse(startsAt);

  await db
    .update(webinars)
    .set({ startsAt: nextStart, updatedBy: session?.user?.id ?? null, updatedAt: new Date() })
    .where(eq(webinars.id, webinarId));

  revalidatePath(`/webinars/${webinarId}`);
};

async function removeRegistration(
  _previous: CancelRegistrationState,
  formData: FormData,
): Promise<CancelRegistrationState> {
  const session = await auth();
  if (!session?.user) {
    return { error: "Not signed in" };
  }

  const registrationId = z.uuid().parse(formData.get("registrationId"));
  const [cancelled] = await db
    .update(registrations)
    .set({ cancelledAt: new Date() })
    .where(eq(registrations.id, registrationId))
    .returning({ webinarId: registrations.webinarId });

  if (cancelled) {
    revalidatePath(`/webinars/${cancelled.webinarId}`);
  }
  return { error: null };
}

export { removeRegistration as cancelRegistration };
