"use server";

import { prisma } from "@/lib/db";

export async function subscribe(email: string) {
  await prisma.subscriber.create({ data: { email } });
}

export async function ping() { // want "public-without-reason P2"
  return prisma.subscriber.count();
}
