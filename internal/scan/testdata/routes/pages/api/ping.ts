import type { NextApiRequest, NextApiResponse } from "next";
import { prisma } from "@/lib/db";

// Reads for GET and writes for POST; the write decides the severity.
export default async function ping(req: NextApiRequest, res: NextApiResponse) { // want "missing-auth P0"
  if (req.method === "GET") {
    res.status(200).json(await prisma.ping.findMany());
    return;
  }
  await prisma.ping.create({ data: { at: new Date() } });
  res.status(201).end();
}
