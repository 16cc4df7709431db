import { cookies } from "next/headers";
import { jwtVerify } from "jose";

const key = new TextEncoder().encode(process.env.AUTH_SECRET);

// Returns the signed-in user's claims, or null without a valid session cookie.
export async function getUser() {
  const cookie = (await cookies()).get("session");
  if (!cookie) return null;
  const { payload } = await jwtVerify(cookie.value, key);
  return payload;
}

export async function assertAuthenticated() {
  const user = await getUser();
  if (!user) throw new Error("Not signed in");
  return user;
}
