import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth/next";
import { prisma } from "@/lib/db";

export default async function handler(req: NextApiRequest, res: NextApiResponse) { // want "caller-supplied-identity P2"
  const session = await getServerSession(req, res, {});
  if (!session) return res.status(401).json({ error: "Unauthorized" });
  await prisma.post.deleteMany({ where: { authorId: req.body.userId } });
  return res.json({ ok: true });
}
