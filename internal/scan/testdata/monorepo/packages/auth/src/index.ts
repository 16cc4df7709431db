import { currentUser } from "@clerk/nextjs/server";

// Throws unless a user is signed in; shared by every app of the workspace.
export async function requireUser() {
  const user = await currentUser();
  if (!user) {
    throw new Error("Unauthorized");
  }
  return user;
}

// Reads the user for display; it never rejects.
export async function peekUser() {
  const user = await currentUser();
  console.info("viewer", user?.id ?? "anonymous");
}
