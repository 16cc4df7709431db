import type { Role } from "@prisma/client";
import { getIronSession, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

export type SessionData = {
  userId?: string;
  email?: string;
  role?: Role;
};

export const sessionOptions: SessionOptions = {
  cookieName: "payouts_session",
  password: process.env.SESSION_SECRET!,
  cookieOptions: {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production",
  },
};

export async function getSession() {
  return getIronSession<SessionData>(await cookies(), sessionOptions);
}

// Redirects to the login page when the request carries no signed-in session.
export async function requireUser() {
  const session = await getSession();
  if (!session.userId || !session.email) {
    redirect("/login");
  }
  return { id: session.userId, email: session.email, role: session.role ?? "MANAGER" };
}
