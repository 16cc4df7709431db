"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { newsletterSubscribers } from "@/lib/schema";

const subscribeInput = z.object({ email: z.email() });

export type SubscribeState = { ok: boolean; message: string } | null;

export async function subscribe(_previous: SubscribeState, formData: FormData): Promise<SubscribeState> {
  const parsed = subscribeInput.safeParse({ email: formData.get("email") });
  if (!parsed.success) {
    return { ok: false, message: "Enter a valid email address." };
  }

  await db
    .insert(newsletterSubscribers)
    .values({ email: parsed.data.email.toLowerCase(), source: "landing" })
    .onConflictDoNothing();

  return { ok: true, message: "Thanks, you will hear about the next session." };
}
