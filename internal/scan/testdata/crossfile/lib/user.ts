import { auth } from "@/auth";

// Returns null when nobody is signed in; callers must check.
export async function getCurrentUser() {
  const session = await auth();
  return session?.user ?? null;
}
