"use server";

import { auth } from "@/auth";
import { prisma } from "@/lib/db";
import { assertAllowedLoose, assertAllowedStrict } from "@/lib/allowlist";

export async function inviteLoose(email: string) { // want "fail-open-allowlist P1"
  const session = await auth();
  if (!session?.user?.email) throw new Error("Unauthorized");
  assertAllowedLoose(session.user.email);
  await prisma.invite.create({ data: { email } });
}

export async function inviteStrict(email: string) {
  const session = await auth();
  if (!session?.user?.email) throw new Error("Unauthorized");
  assertAllowedStrict(session.user.email);
  await prisma.invite.create({ data: { email } });
}

export async function inviteInline(email: string) { // want "fail-open-allowlist P1"
  const session = await auth();
  if (!session?.user?.email) throw new Error("Unauthorized");
  const admins = (process.env.ADMIN_EMAILS ?? "").split(",");
  if (admins.length && !admins.includes(session.user.email)) throw new Error("Forbidden");
  await prisma.invite.create({ data: { email } });
}
