import { prisma } from "@/lib/db";

// A GET that writes: a link in an email or an <img> tag is enough to trigger it.
export async function GET(request: Request) { // want "missing-auth P0"
  const token = new URL(request.url).searchParams.get("token") ?? "";
  await prisma.subscription.updateMany({ where: { unsubscribeToken: token }, data: { active: false } });
  return Response.redirect(new URL("/unsubscribed", request.url));
}
