import { headers } from "next/headers";
import { auth } from "@/lib/auth";

// Returns the signed-in user, or null when the request has no valid session.
export async function getCurrentUser() {
  const session = await auth.api.getSession({ headers: await headers() });
  return session?.user ?? null;
}
