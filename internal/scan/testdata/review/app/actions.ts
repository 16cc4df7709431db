"use server";

import { getAuth } from "firebase-admin/auth";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { currentUserOrGuest, isSignedIn, requireUser } from "@/lib/guards";

export async function notAwaited(id: string) { // want "auth-not-enforced P0"
  const session = auth();
  if (!session) throw new Error("Unauthorized");
  await db.post.delete({ where: { id } });
}

export async function guestDefault(id: string) { // want "auth-not-enforced P0"
  const session = await auth();
  const user = session?.user || { id: "anonymous" };
  if (!user) throw new Error("Unauthorized");
  await db.post.delete({ where: { id } });
}

export async function guestHelper(id: string) { // want "auth-not-enforced P0"
  const user = await currentUserOrGuest();
  if (!user) throw new Error("Unauthorized");
  await db.post.delete({ where: { id } });
}

export async function writeInFinally(id: string) { // want "auth-not-enforced P0"
  try {
    const session = await auth();
    if (!session?.user) throw new Error("Unauthorized");
  } finally {
    await db.post.delete({ where: { id } });
  }
}

export async function strictUndefined(id: string) { // want "unverified-guard P2"
  const session = await auth();
  if (session === undefined) throw new Error("Unauthorized");
  await db.post.delete({ where: { id } });
}

export async function firebaseToken(token: string, id: string) {
  await getAuth().verifyIdToken(token);
  await db.post.delete({ where: { id } });
}

export async function booleanHelper(id: string) {
  const ok = await isSignedIn();
  if (!ok) throw new Error("Unauthorized");
  await db.post.delete({ where: { id } });
}

export async function inPromiseAll(id: string) {
  const [session] = await Promise.all([auth(), Promise.resolve(1)]);
  if (!session?.user) throw new Error("Unauthorized");
  await db.post.delete({ where: { id } });
}

export async function guardInPromiseAll(id: string) {
  await Promise.all([requireUser(), Promise.resolve()]);
  await db.post.delete({ where: { id } });
}
