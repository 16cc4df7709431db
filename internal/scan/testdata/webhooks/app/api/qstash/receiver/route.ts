import { Receiver } from "@upstash/qstash";
import { db } from "@/lib/db";
import { jobs } from "@/lib/schema";

const receiver = new Receiver({
  currentSigningKey: process.env.QSTASH_CURRENT_SIGNING_KEY!,
  nextSigningKey: process.env.QSTASH_NEXT_SIGNING_KEY!,
});

export async function POST(request: Request) {
  const body = await request.text();
  await receiver.verify({ signature: request.headers.get("upstash-signature") ?? "", body });
  await db.insert(jobs).values({ body });
  return new Response("ok");
}
