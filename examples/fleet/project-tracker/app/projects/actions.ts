"use server";

import { auth } from "@clerk/nextjs/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { prisma } from "@/lib/db";

const projectInput = z.object({
  name: z.string().trim().min(2).max(80),
  clientName: z.string().trim().max(80).optional(),
});

export async function createProject(formData: FormData) {
  const { userId, orgId } = await auth();
  if (!userId) {
    throw new Error("Unauthorized");
  }

  const input = projectInput.parse({
    name: formData.get("name"),
    clientName: formData.get("clientName") || undefined,
  });
  await prisma.project.create({
    data: { ...input, orgId: orgId ?? userId, createdById: userId },
  });
  revalidatePath("/projects");
}

export const archiveProject = async (formData: FormData) => {
  const { userId, orgId } = await auth.protect();

  const projectId = z.string().cuid().parse(formData.get("projectId"));
  await prisma.project.update({
    where: { id: projectId, orgId: orgId ?? userId },
    data: { archivedAt: new Date() },
  });
  revalidatePath("/projects");
};
