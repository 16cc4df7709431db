import { getIronSession } from "iron-session";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

type SessionData = { userId?: string };

// Redirects to the login page when the request carries no signed-in session.
export async function requireUser() {
  const session = await getIronSession<SessionData>(await cookies(), {
    cookieName: "notes_session",
    password: process.env.SESSION_SECRET!,
  });
  if (!session.userId) {
    redirect("/login");
  }
  return { id: session.userId };
}
