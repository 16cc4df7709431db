import { auth } from "@/auth";
import { prisma } from "@/lib/db";

export async function DELETE(request: Request) { // want "caller-supplied-identity P2"
  const session = await auth();
  if (!session?.user) return new Response("Unauthorized", { status: 401 });
  const { postId, userId } = await request.json();
  await prisma.post.deleteMany({ where: { id: postId, authorId: userId } });
  return Response.json({ ok: true });
}

export async function PATCH(request: Request) { // want "caller-supplied-identity P2"
  const session = await auth();
  if (!session?.user) return new Response("Unauthorized", { status: 401 });
  const userId = new URL(request.url).searchParams.get("userId") ?? "";
  await prisma.post.updateMany({ where: { authorId: userId }, data: { pinned: false } });
  return Response.json({ ok: true });
}
