import { cookies } from "next/headers";
import { prisma } from "@/lib/db";

// Looks the session up by the request's session cookie.
export async function validateRequest() {
  const token = (await cookies()).get("session_id")?.value ?? null;
  if (!token) {
    return { user: null, session: null };
  }
  const session = await prisma.session.findUnique({ where: { id: token }, include: { user: true } });
  if (!session || session.expiresAt < new Date()) {
    return { user: null, session: null };
  }
  return { user: session.user, session };
}
