"use client";

import { useState, useTransition } from "react";
import { getReferralStats, searchAffiliates } from "@/app/affiliates/actions";

type SearchResult = Awaited<ReturnType<typeof searchAffiliates>>[number];
type ReferralStats = Awaited<ReturnType<typeof getReferralStats>>;

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function AffiliateSearch() {
  const [results, setResults] = useState<SearchResult[]>([]);
  const [stats, setStats] = useState<{ affiliateId: string; value: ReferralStats } | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <section className="affiliate-search">
      <input
        type="search"
        placeholder="Search by name or email"
        onChange={(event) => {
          const query = event.target.value;
          startTransition(async () => setResults(await searchAffiliates(query)));
        }}
      />
      <ul aria-busy={pending}>
        {results.map((affiliate) => (
          <li key={affiliate.id}>
            {affiliate.name} ({affiliate.email}), {affiliate.status}
            <button
              type="button"
              onClick={() =>
                startTransition(async () =>
                  setStats({ affiliateId: affiliate.id, value: await getReferralStats(affiliate.id) }),
                )
              }
            >
              Last 30 days
            </button>
            {stats?.affiliateId === affiliate.id && (
              <span>
                {stats.value.count} referrals, {money.format(stats.value.saleCents / 100)} in sales,{" "}
                {money.format(stats.value.commissionCents / 100)} commission
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
