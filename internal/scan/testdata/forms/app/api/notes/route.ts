import { prisma } from "@/lib/db";

const handler = async (req: Request) => {
  const body = await req.json();
  await prisma.note.create({ data: body });
  return Response.json({ ok: true });
};

export const POST = handler; // want "missing-auth P0"
export { handler as PUT }; // want "missing-auth P0"

// Not an HTTP method, so not an entry.
export const dynamic = "force-dynamic";
export async function helper() {
  await prisma.note.deleteMany();
}
