import { redirect, forbidden } from "next/navigation";
import { auth } from "@/auth";

export async function requireUser() {
  const session = await auth();
  if (!session?.user) redirect("/login");
  return session.user;
}

export async function requireAdmin() {
  const user = await requireUser();
  if (user.role !== "admin") forbidden();
  return user;
}

export async function requireMember() {
  const user = await requireUser();
  if (!["member", "admin"].includes(user.role)) forbidden();
  return user;
}
