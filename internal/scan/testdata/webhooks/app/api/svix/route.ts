import { Webhook } from "svix";
import { db } from "@/lib/db";
import { users } from "@/lib/schema";

export async function POST(request: Request) {
  const payload = await request.text();
  const wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET!);
  const event = wh.verify(payload, Object.fromEntries(request.headers)) as { data: { id: string } };
  await db.insert(users).values({ clerkId: event.data.id });
  return new Response("ok");
}
