import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { requireUser } from "./auth";

export const actionClient = createSafeActionClient();

// Every action built on this client runs requireUser first; when it
// redirects or throws, next() is never reached and the action body never
// runs.
export const authActionClient = actionClient.use(async ({ next }) => {
  const user = await requireUser();
  return next({ ctx: { user } });
});
