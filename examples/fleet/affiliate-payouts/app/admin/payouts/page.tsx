import { ApprovePayoutButton } from "@/components/approve-payout-button";
import { requireUser } from "@/lib/auth";
import { prisma } from "@/lib/db";

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export default async function PendingPayoutsPage() {
  await requireUser();
  const payouts = await prisma.payout.findMany({
    where: { status: "PENDING" },
    include: { affiliate: { select: { name: true, email: true } } },
    orderBy: { periodEnd: "asc" },
  });

  return (
    <main>
      <h1>Pending payouts</h1>
      {payouts.length === 0 && <p>Nothing waiting for approval.</p>}
      <table>
        <tbody>
          {payouts.map((payout) => (
            <tr key={payout.id}>
              <td>{payout.affiliate.name}</td>
              <td>
                {day.format(payout.periodStart)} to {day.format(payout.periodEnd)}
              </td>
              <td>{money.format(payout.amountCents / 100)}</td>
              <td>
                <ApprovePayoutButton payoutId={payout.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
