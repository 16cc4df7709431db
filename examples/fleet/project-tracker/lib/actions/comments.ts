"use server";

import { currentUser } from "@clerk/nextjs/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { prisma } from "@/lib/db";

const commentBody = z.string().trim().min(1).max(5000);

export async function addComment(taskId: string, projectId: string, body: string) {
  const user = await currentUser();
  if (!user) {
    throw new Error("Unauthorized");
  }

  await prisma.comment.create({
    data: {
      taskId,
      authorId: user.id,
      authorName: user.fullName ?? user.username ?? "Unknown user",
      body: commentBody.parse(body),
    },
  });
  revalidatePath(`/projects/${projectId}`);
}
