import type { NextApiRequest, NextApiResponse } from "next";
import { auth } from "@/auth";
import { prisma } from "@/lib/db";

export default async function me(req: NextApiRequest, res: NextApiResponse) {
  const session = await auth(req, res);
  if (!session?.user) {
    return res.status(401).json({ error: "Unauthorized" });
  }
  const notes = await prisma.note.findMany({ where: { ownerId: session.user.id } });
  res.status(200).json(notes);
}
