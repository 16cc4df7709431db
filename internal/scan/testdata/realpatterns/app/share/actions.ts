"use server";

import { auth } from "@/auth";
import { authClient } from "@/lib/safe-action";
import { accelerated } from "@/lib/prisma-accel";
import { baseUrl } from "@/lib/urls";

export async function shareLink(id: string) {
  const session = await auth();
  if (!session?.user) throw new Error("Unauthorized");
  await accelerated.share.create({ data: { postId: id } });
  return `${baseUrl()}/s/${id}`;
}

export async function dropShare(id: string) { // want "missing-auth P0"
  await accelerated.share.delete({ where: { id } });
}

export const revokeShare = authClient.action(async ({ parsedInput }: { parsedInput: string }) => {
  await accelerated.share.delete({ where: { id: parsedInput } });
});
