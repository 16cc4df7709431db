import { AffiliateSearch } from "@/components/affiliate-search";
import { CommissionForm } from "@/components/commission-form";
import { InviteAffiliateForm } from "@/components/invite-affiliate-form";
import { requireUser } from "@/lib/auth";
import { prisma } from "@/lib/db";

export default async function AffiliatesPage() {
  await requireUser();
  const affiliates = await prisma.affiliate.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
  });

  return (
    <main>
      <h1>Affiliates</h1>
      <AffiliateSearch />
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Status</th>
            <th>Commission</th>
          </tr>
        </thead>
        <tbody>
          {affiliates.map((affiliate) => (
            <tr key={affiliate.id}>
              <td>{affiliate.name}</td>
              <td>{affiliate.email}</td>
              <td>{affiliate.status}</td>
              <td>
                <CommissionForm affiliateId={affiliate.id} ratePercent={affiliate.commissionRate.toNumber()} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Invite an affiliate</h2>
      <InviteAffiliateForm />
    </main>
  );
}
