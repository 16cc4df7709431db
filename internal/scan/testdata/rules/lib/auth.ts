import { redirect } from "next/navigation";
import { auth } from "@/auth";

// Fail-closed: every normal return has a signed-in user.
export async function requireUser() {
  const session = await auth();
  if (!session?.user) redirect("/login");
  return session.user;
}
