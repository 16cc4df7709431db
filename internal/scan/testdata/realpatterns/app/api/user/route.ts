import { auth } from "@/auth";
import { prisma } from "@/lib/db";

// The Auth.js wrapper reads the session into req.auth but blocks nothing.
export const DELETE = auth(async (req) => { // want "missing-auth P0"
  const id = new URL(req.url).searchParams.get("id") ?? "";
  await prisma.user.delete({ where: { id } });
  return new Response("deleted");
});
