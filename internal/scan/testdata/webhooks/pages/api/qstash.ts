import type { NextApiRequest, NextApiResponse } from "next";
import { verifySignature } from "@upstash/qstash/nextjs";
import { db } from "@/lib/db";
import { jobs } from "@/lib/schema";

async function handler(req: NextApiRequest, res: NextApiResponse) {
  await db.insert(jobs).values({ body: JSON.stringify(req.body) });
  res.status(200).end();
}

export default verifySignature(handler);

export const config = { api: { bodyParser: false } };
