import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { prisma } from "@/lib/db";

export async function requireUser() {
  const session = await auth();
  if (!session?.user?.id) redirect("/login");
  return session.user;
}

export async function assertMember(orgId: string, userId: string) {
  const membership = await prisma.membership.findFirst({ where: { orgId, userId } });
  if (!membership) throw new Error("Forbidden");
}
