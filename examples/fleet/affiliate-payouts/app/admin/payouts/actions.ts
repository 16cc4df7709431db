"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth";
import { prisma } from "@/lib/db";

export async function approvePayout(payoutId: string) { // want "missing-role-check P1"
  const user = await requireUser();

  await prisma.payout.update({
    where: { id: payoutId, status: "PENDING" },
    data: { status: "APPROVED", approvedById: user.id, approvedAt: new Date() },
  });
  revalidatePath("/admin/payouts");
}
