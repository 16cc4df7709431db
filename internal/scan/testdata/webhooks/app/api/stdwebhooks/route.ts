import { Webhook } from "standard-webhooks";
import { db } from "@/lib/db";
import { users } from "@/lib/schema";

const webhook = new Webhook(process.env.WEBHOOK_SECRET!);

export async function POST(request: Request) {
  const payload = await request.text();
  const event = webhook.verify(payload, Object.fromEntries(request.headers)) as { id: string };
  await db.insert(users).values({ externalId: event.id });
  return new Response("ok");
}
