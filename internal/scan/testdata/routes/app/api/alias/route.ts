import { prisma } from "@/lib/db";

async function handler(request: Request) {
  const { id } = await request.json();
  await prisma.invoice.delete({ where: { id } });
  return new Response(null, { status: 204 });
}

export const POST = handler; // want "missing-auth P0"
export const DELETE = handler; // want "missing-auth P0"
