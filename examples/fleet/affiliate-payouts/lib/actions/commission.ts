"use server";

// Sales above this amount earn an extra two percentage points.
const bonusThresholdCents = 50_000;

export async function previewCommission(saleCents: number, ratePercent: number) { // want "missing-auth P3"
  const effectiveRate = saleCents > bonusThresholdCents ? ratePercent + 2 : ratePercent;
  const commissionCents = Math.round((saleCents * effectiveRate) / 100);
  return { effectiveRate, commissionCents, netCents: saleCents - commissionCents };
}
