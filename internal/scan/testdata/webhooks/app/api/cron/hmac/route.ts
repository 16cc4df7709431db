import { createHmac, timingSafeEqual } from "crypto";
import { db } from "@/lib/db";
import { users } from "@/lib/schema";

export async function POST(request: Request) {
  const body = await request.text();
  const expected = createHmac("sha256", process.env.HOOK_SECRET!).update(body).digest();
  const given = Buffer.from(request.headers.get("x-signature") ?? "", "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return new Response("invalid signature", { status: 401 });
  }
  await db.delete(users);
  return new Response("ok");
}
