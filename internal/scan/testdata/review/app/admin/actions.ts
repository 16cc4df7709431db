"use server";

import { auth as clerkAuth } from "@clerk/nextjs/server";
import { createServerClient } from "@supabase/ssr";
import { db } from "@/lib/db";
import { checkAdmin, requireRole, requireUser } from "@/lib/guards";

export async function anyoneSignedIn(id: string) { // want "missing-role-check P1"
  await clerkAuth.protect(() => true);
  await db.user.delete({ where: { id } });
}

export async function emailSubstring(id: string) { // want "missing-role-check P1"
  const user = await requireUser();
  if (!user.email.includes("@acme.com")) throw new Error("Forbidden");
  await db.user.delete({ where: { id } });
}

export async function booleanRole(id: string) {
  if (!(await checkAdmin())) throw new Error("Forbidden");
  await db.user.delete({ where: { id } });
}

export async function roleArgument(id: string) {
  await requireRole("admin");
  await db.user.delete({ where: { id } });
}

export async function memberArgument(id: string) { // want "missing-role-check P1"
  await requireRole("member");
  await db.user.delete({ where: { id } });
}

export async function supabaseAppMetadata(id: string) {
  const supabase = createServerClient(process.env.SUPABASE_URL ?? "", process.env.SUPABASE_KEY ?? "", { cookies: {} });
  const { data, error } = await supabase.auth.getUser();
  if (error || !data.user) throw new Error("Unauthorized");
  if (data.user.app_metadata.role !== "admin") throw new Error("Forbidden");
  await db.user.delete({ where: { id } });
}
