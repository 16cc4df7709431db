import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

// The one valid session value. A real app would look the cookie up in a
// session store; a constant is enough to tell signed-in callers apart.
export const SESSION_VALUE = "fixture-session";

// Returns the signed-in user, redirects to /login when the session cookie
// is missing, and throws when it contains an unknown value.
export async function requireUser(): Promise<{ id: string }> {
  const session = (await cookies()).get("session");
  if (!session) {
    redirect("/login");
  }
  if (session.value !== SESSION_VALUE) {
    throw new Error("invalid session");
  }
  return { id: "user-1" };
}

// Returns the signed-in user and throws, without redirecting, when the
// session cookie is missing or unknown.
export async function assertUser(): Promise<{ id: string }> {
  const session = (await cookies()).get("session");
  if (session?.value !== SESSION_VALUE) {
    throw new Error("not signed in");
  }
  return { id: "user-1" };
}
