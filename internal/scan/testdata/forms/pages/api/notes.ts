import type { NextApiRequest, NextApiResponse } from "next";
import { prisma } from "@/lib/db";

export default async function notes(req: NextApiRequest, res: NextApiResponse) { // want "missing-auth P1"
  const rows = await prisma.note.findMany();
  res.status(200).json(rows);
}
