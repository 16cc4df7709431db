"use client";

import { useState, useTransition } from "react";
import { updateCommissionRate } from "@/app/affiliates/actions";
import { previewCommission } from "@/lib/actions/commission";

const exampleSaleCents = 80_000;

export function CommissionForm({ affiliateId, ratePercent }: { affiliateId: string; ratePercent: number }) {
  const [rate, setRate] = useState(ratePercent);
  const [preview, setPreview] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function changeRate(value: number) {
    setRate(value);
    startTransition(async () => {
      const result = await previewCommission(exampleSaleCents, value);
      setPreview(`$${(result.commissionCents / 100).toFixed(2)} on an $800 sale`);
    });
  }

  return (
    <div className="commission">
      <input
        type="number"
        min={0}
        max={50}
        step={0.5}
        value={rate}
        onChange={(event) => changeRate(Number(event.target.value))}
      />
      <button
        type="button"
        disabled={pending || rate === ratePercent}
        onClick={() => startTransition(() => updateCommissionRate(affiliateId, rate))}
      >
        Save
      </button>
      {preview && <small>{preview}</small>}
    </div>
  );
}
