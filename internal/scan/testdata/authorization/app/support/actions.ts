"use server";

import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";

export async function closeTicket(id: string) {
  const user = await requireUser();
  if (user.role !== "support") throw new Error("Forbidden");
  await prisma.ticket.update({ where: { id }, data: { closed: true } });
}

export async function reopenTicket(id: string) { // want "missing-role-check P1"
  const user = await requireUser();
  if (user.role !== "member") throw new Error("Forbidden");
  await prisma.ticket.update({ where: { id }, data: { closed: false } });
}

export async function assignTicket(id: string, agent: string) { // want "missing-role-check P1"
  await requireUser();
  await prisma.ticket.update({ where: { id }, data: { agent } });
}

export async function supportStatus() {
  return prisma.ticket.count({ where: { closed: false } });
}
