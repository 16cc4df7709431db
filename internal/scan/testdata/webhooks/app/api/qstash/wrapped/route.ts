import { verifySignatureAppRouter } from "@upstash/qstash/nextjs";
import { db } from "@/lib/db";
import { jobs } from "@/lib/schema";

async function handler(request: Request) {
  const body = await request.text();
  await db.insert(jobs).values({ body });
  return new Response("ok");
}

export const POST = verifySignatureAppRouter(handler);

// The same handler exported bare skips the signature check.
export const PUT = handler; // want "missing-auth P0"
