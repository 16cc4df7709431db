import { auth } from "@/lib/auth";
import { prisma } from "@/lib/db";

async function handler(request: Request) {
  const session = await auth();
  if (!session?.user) return new Response("Unauthorized", { status: 401 });
  const body = await request.json();
  await prisma.note.create({ data: { body: body.text, authorId: session.user.id } });
  return Response.json({ ok: true });
}

async function listNotes() {
  return Response.json(await prisma.note.findMany());
}

export { handler as POST, handler as PUT, listNotes as GET }; // want "missing-auth P1"
