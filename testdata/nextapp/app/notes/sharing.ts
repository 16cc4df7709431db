"use server";

import { recordEffect } from "@/lib/effect";

// Unauthenticated; reaches the client through a re-export in actions.ts.
export async function shareNote() {
  await recordEffect("shareNote");
  return { shared: true };
}
