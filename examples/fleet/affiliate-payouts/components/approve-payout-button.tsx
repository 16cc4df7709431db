"use client";

import { useTransition } from "react";
import { approvePayout } from "@/app/admin/payouts/actions";

export function ApprovePayoutButton({ payoutId }: { payoutId: string }) {
  const [pending, startTransition] = useTransition();

  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        if (window.confirm("Approve this payout? Finance pays approved payouts on the next run.")) {
          startTransition(() => approvePayout(payoutId));
        }
      }}
    >
      {pending ? "Approving…" : "Approve"}
    </button>
  );
}
