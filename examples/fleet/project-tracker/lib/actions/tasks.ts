"use server";

import { assertTeamMember } from "@acme/permissions";
import { auth } from "@clerk/nextjs/server";
import type { TaskStatus } from "@prisma/client";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { prisma } from "@/lib/db";

const newTaskInput = z.object({
  projectId: z.string().cuid(),
  title: z.string().trim().min(1).max(200),
  dueDate: z.coerce.date().optional(),
});

export async function createTask(formData: FormData) { // want "unverified-guard P2"
  const input = newTaskInput.parse({
    projectId: formData.get("projectId"),
    title: formData.get("title"),
    dueDate: formData.get("dueDate") || undefined,
  });

  await assertTeamMember(input.projectId);
  await prisma.task.create({ data: input });
  revalidatePath(`/projects/${input.projectId}`);
}

export async function updateTaskStatus(taskId: string, projectId: string, status: TaskStatus) { // want "missing-auth P0"
  let completedById: string | null = null;
  if (status === "DONE") {
    const { userId } = await auth.protect();
    completedById = userId;
  }

  await prisma.task.update({
    where: { id: taskId, projectId },
    data: { status, completedById, completedAt: completedById ? new Date() : null },
  });
  revalidatePath(`/projects/${projectId}`);
}

export const deleteTask = async (taskId: string, projectId: string) => { // want "auth-after-effect P0"
  await prisma.activity.create({
    data: { projectId, taskId, kind: "task.deleted" },
  });

  const { userId } = await auth();
  if (!userId) {
    throw new Error("Unauthorized");
  }

  await prisma.task.delete({ where: { id: taskId, projectId } });
  revalidatePath(`/projects/${projectId}`);
};
