"use server";

import { headers } from "next/headers";
import { getKindeServerSession } from "@kinde-oss/kinde-auth-nextjs/server";
import { betterAuthServer } from "@/lib/better";
import { prisma } from "@/lib/db";

export async function refundInvoice(id: string) {
  const session = await betterAuthServer.api.getSession({ headers: await headers() });
  if (!session) throw new Error("Unauthorized");
  const check = await betterAuthServer.api.userHasPermission({ body: { permissions: { invoice: ["refund"] } }, headers: await headers() });
  if (!check.success) throw new Error("Forbidden");
  await prisma.invoice.update({ where: { id }, data: { refunded: true } });
}

// The body names a role, so the check tests that role, not the caller.
export async function voidInvoice(id: string) { // want "missing-role-check P1"
  const session = await betterAuthServer.api.getSession({ headers: await headers() });
  if (!session) throw new Error("Unauthorized");
  const check = await betterAuthServer.api.userHasPermission({ body: { role: "admin", permissions: { invoice: ["void"] } } });
  if (!check.success) throw new Error("Forbidden");
  await prisma.invoice.update({ where: { id }, data: { void: true } });
}

export async function exportInvoices() {
  const { getUser, getPermission } = getKindeServerSession();
  const user = await getUser();
  if (!user) throw new Error("Unauthorized");
  const permission = await getPermission("admin:export");
  if (!permission?.isGranted) throw new Error("Forbidden");
  return prisma.invoice.findMany();
}
