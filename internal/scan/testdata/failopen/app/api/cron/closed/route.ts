import { prisma } from "@/lib/db";

export async function GET(request: Request) {
  if (!process.env.CRON_SECRET) {
    return new Response("Not configured", { status: 500 });
  }
  if (request.headers.get("authorization") !== `Bearer ${process.env.CRON_SECRET}`) {
    return new Response("Unauthorized", { status: 401 });
  }
  await prisma.job.deleteMany({ where: { done: true } });
  return Response.json({ ok: true });
}
