"use server";

import { recordEffect } from "@/lib/effect";

// Called only from the home page's server component, never handed to
// client code. Next.js 16.5 still gives it an action ID and serves it,
// because a server component imports this module.
export async function loadGreeting() {
  await recordEffect("loadGreeting");
  return "Notes";
}

// Referenced nowhere, but it shares a module with loadGreeting, so it gets
// an action ID too.
export async function resetGreeting() {
  await recordEffect("resetGreeting");
}
