import { auth } from "@/auth";
import { prisma } from "@/lib/db";

export const DELETE = auth(async (req) => {
  if (!req.auth?.user) {
    return new Response("Unauthorized", { status: 401 });
  }
  await prisma.user.delete({ where: { email: req.auth.user.email ?? "" } });
  return new Response("deleted");
});
