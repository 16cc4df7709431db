import { createSafeActionClient } from "next-safe-action";
import { auth } from "@/auth";

export const actionClient = createSafeActionClient();

export const authActionClient = actionClient.use(async ({ next }) => {
  const session = await auth();
  if (!session?.user) {
    throw new Error("Unauthorized");
  }
  return next({ ctx: { user: session.user } });
});

// Derived from the authenticated client, so it stays authenticated.
export const teamActionClient = authActionClient.use(async ({ next, ctx }) => {
  return next({ ctx: { ...ctx, team: "default" } });
});

// Derived from the base client: logging is not authentication.
export const loggedActionClient = actionClient.use(async ({ next }) => {
  console.info("action started");
  return next();
});

// Fail-open: a missing session still reaches next().
export const lenientActionClient = actionClient.use(async ({ next }) => {
  const session = await auth();
  if (!session?.user) {
    return next({ ctx: { user: null } });
  }
  return next({ ctx: { user: session.user } });
});
