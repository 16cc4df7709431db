import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth/next";
import { prisma } from "@/lib/db";

const authOptions = { providers: [] };

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) {
    return res.status(401).json({ error: "unauthorized" });
  }
  if (req.method === "GET") {
    return res.json(await prisma.member.findMany());
  }
  if (req.method === "POST") {
    await prisma.member.create({ data: req.body });
    return res.status(201).end();
  }
  res.setHeader("Allow", "GET, POST");
  res.status(405).end();
}
