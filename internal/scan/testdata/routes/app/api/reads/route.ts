import { prisma } from "@/lib/db";

export async function GET(request: Request) { // want "missing-auth P1"
  const url = new URL(request.url);
  const invoices = await prisma.invoice.findMany({ where: { customerId: url.searchParams.get("customer") ?? undefined } });
  return Response.json(invoices);
}

export async function HEAD() { // want "missing-auth P3"
  return new Response(null, { status: 200 });
}
