import { auth } from "@/auth";

export async function requireUser() {
  const session = await auth();
  if (!session?.user) throw new Error("Unauthorized");
  return session.user;
}

// Returns whether a user is signed in, so callers must test the result.
export async function isSignedIn() {
  const session = await auth();
  return !!session?.user;
}

export async function checkAdmin() {
  const user = await requireUser();
  return user.role === "admin";
}

export async function requireRole(role: string) {
  const user = await requireUser();
  if (user.role !== role) throw new Error("Forbidden");
  return user;
}

// Returns a guest for a missing session, so callers' checks never fail.
export async function currentUserOrGuest() {
  const session = await auth();
  if (!session?.user) return { id: "guest" };
  return session.user;
}
