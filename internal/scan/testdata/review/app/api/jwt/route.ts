import jwt from "jsonwebtoken";
import { db } from "@/lib/db";

// With a callback, jwt.verify passes the error to it instead of throwing.
export async function POST(request: Request) { // want "missing-auth P0"
  const token = request.headers.get("authorization")?.slice(7) ?? "";
  jwt.verify(token, process.env.JWT_SECRET ?? "", (error) => {
    if (error) console.warn("invalid token");
  });
  await db.post.deleteMany({});
  return Response.json({ ok: true });
}

export async function DELETE(request: Request) {
  const token = request.headers.get("authorization")?.slice(7) ?? "";
  jwt.verify(token, process.env.JWT_SECRET ?? "");
  await db.post.deleteMany({});
  return Response.json({ ok: true });
}
