"use server";

import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth";
import { prisma } from "@/lib/db";

const inviteInput = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.email(),
});

export async function updateCommissionRate(affiliateId: string, ratePercent: number) { // want "fail-open-allowlist P1"
  const { email } = await requireUser();
  const allowed = process.env.ALLOWED_EMAILS?.split(",") ?? [];
  if (allowed.length && !allowed.includes(email)) {
    throw new Error("Forbidden");
  }

  const rate = z.number().min(0).max(50).parse(ratePercent);
  await prisma.affiliate.update({
    where: { id: affiliateId },
    data: { commissionRate: rate },
  });
  revalidatePath("/affiliates");
}

export const inviteAffiliate = async (formData: FormData) => { // want "auth-not-enforced P0"
  try {
    await requireUser();
  } catch {}

  const input = inviteInput.parse({
    name: formData.get("name"),
    email: formData.get("email"),
  });
  await prisma.affiliate.create({
    data: {
      name: input.name,
      email: input.email.toLowerCase(),
      inviteToken: randomBytes(24).toString("hex"),
    },
  });
  revalidatePath("/affiliates");
};

export async function searchAffiliates(query: string) { // want "missing-auth P1"
  const term = query.trim();
  if (term.length < 2) {
    return [];
  }

  return prisma.affiliate.findMany({
    where: {
      OR: [
        { name: { contains: term, mode: "insensitive" } },
        { email: { contains: term, mode: "insensitive" } },
      ],
    },
    select: { id: true, name: true, email: true, status: true },
    orderBy: { name: "asc" },
    take: 10,
  });
}

export async function getReferralStats(affiliateId: string) { // want "auth-after-effect P1"
  const since = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
  const referrals = await prisma.referral.findMany({
    where: { affiliateId, createdAt: { gte: since } },
    select: { saleCents: true, commissionCents: true },
  });

  await requireUser();

  return {
    count: referrals.length,
    saleCents: referrals.reduce((sum, referral) => sum + referral.saleCents, 0),
    commissionCents: referrals.reduce((sum, referral) => sum + referral.commissionCents, 0),
  };
}
