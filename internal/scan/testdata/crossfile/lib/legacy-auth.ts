import { auth } from "@/auth";

// Despite its name this helper only logs: it returns normally without a session.
export async function requireUser() {
  const session = await auth();
  if (!session?.user) {
    console.warn("requireUser: no session");
  }
}
