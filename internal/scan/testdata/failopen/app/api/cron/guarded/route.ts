import { prisma } from "@/lib/db";

export async function POST(request: Request) { // want "fail-open-allowlist P1"
  const secret = process.env.SYNC_SECRET;
  const header = request.headers.get("x-sync-secret");
  if (header !== secret) {
    return new Response("Unauthorized", { status: 401 });
  }
  await prisma.job.create({ data: { kind: "sync" } });
  return Response.json({ ok: true });
}
