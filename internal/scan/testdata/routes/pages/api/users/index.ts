import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth/next";
import { prisma } from "@/lib/db";

const authOptions = { providers: [] };

// The 401 is sent but the handler does not return, so the delete still runs.
export default async function handler(req: NextApiRequest, res: NextApiResponse) { // want "auth-not-enforced P0"
  const session = await getServerSession(req, res, authOptions);
  if (!session) {
    res.status(401).json({ error: "unauthorized" });
  }
  if (req.method === "DELETE") {
    await prisma.user.delete({ where: { id: String(req.query.id) } });
    return res.status(204).end();
  }
  res.status(405).end();
}
