"use server";

import { z } from "zod";
import { recordEffect } from "@/lib/effect";
import { actionClient, authActionClient } from "@/lib/safe-action";

// Authenticated through the auth middleware. The schema accepts a missing
// input, so only the middleware can stop a call without arguments.
export const updateProfile = authActionClient
  .inputSchema(z.object({ name: z.string() }).optional())
  .action(async ({ ctx }) => {
    await recordEffect("updateProfile");
    return { user: ctx.user.id };
  });

// Built on the base client, so nothing checks the caller.
export const subscribe = actionClient.action(async () => {
  await recordEffect("subscribe");
  return { subscribed: true };
});
