import crypto from "node:crypto";
import { db } from "@/lib/db";
import { users } from "@/lib/schema";

export async function POST(request: Request) {
  const body = await request.text();
  const expected = crypto.createHmac("sha256", process.env.HOOK_SECRET!).update(body).digest("hex");
  const given = request.headers.get("x-signature") ?? "";
  const valid = given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!valid) throw new Error("invalid signature");
  await db.delete(users);
  return new Response("ok");
}

// The comparison's result is only logged, so a forged request goes on.
export async function PATCH(request: Request) { // want "missing-auth P0"
  const body = await request.text();
  const expected = crypto.createHmac("sha256", process.env.HOOK_SECRET!).update(body).digest("hex");
  const given = request.headers.get("x-signature") ?? "";
  if (!crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    console.warn("signature mismatch");
  }
  await db.delete(users);
  return new Response("ok");
}
