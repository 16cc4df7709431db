import { prisma } from "@/lib/db";

export async function GET(request: Request) { // want "fail-open-allowlist P1"
  if (request.headers.get("authorization") !== `Bearer ${process.env.CRON_SECRET}`) {
    return new Response("Unauthorized", { status: 401 });
  }
  await prisma.job.deleteMany({ where: { done: true } });
  return Response.json({ ok: true });
}
