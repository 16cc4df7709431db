import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { users } from "@/lib/schema";

// The signature is computed and logged but never compared with the header.
export async function POST(request: Request) { // want "missing-auth P0"
  const body = await request.text();
  const expected = createHmac("sha256", process.env.HOOK_SECRET!).update(body).digest("hex");
  console.log("expected signature", expected, request.headers.get("x-signature"));
  await db.delete(users);
  return new Response("ok");
}
