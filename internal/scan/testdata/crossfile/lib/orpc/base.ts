import { ORPCError, os } from "@orpc/server";
import { auth } from "@/auth";

export const o = os.$context<{ headers: Headers }>();

// A middleware factory, as oRPC apps write them: it rejects before next().
export function requireSession() {
  return o.middleware(async ({ next }) => {
    const session = await auth();
    if (!session?.user) {
      throw new ORPCError("UNAUTHORIZED");
    }
    return next({ context: { user: session.user } });
  });
}
