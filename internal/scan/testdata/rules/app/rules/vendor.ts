"use server";

import { requireSignedIn } from "@acme/session-kit";
import { assertMember } from "@acme/gatekeeper";
import { prisma } from "@/lib/db";

// Nothing tells the scan what this package's guard does.
export async function joinTeam(teamId: string) { // want "unverified-guard P2"
  await requireSignedIn();
  await prisma.membership.create({ data: { teamId } });
}

// The policy declares assertMember fail-closed.
export async function leaveTeam(teamId: string) { // want "caller-supplied-identity P2"
  await assertMember();
  await prisma.membership.deleteMany({ where: { teamId } });
}
