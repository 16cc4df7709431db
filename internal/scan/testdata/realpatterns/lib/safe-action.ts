import { createMiddleware, createSafeActionClient } from "next-safe-action";
import { auth } from "@/auth";

const requireSession = createMiddleware().define(async ({ next }) => {
  const session = await auth();
  if (!session?.user) throw new Error("Unauthenticated");
  return next({ ctx: { user: session.user } });
});

export const authClient = createSafeActionClient().use(requireSession);
