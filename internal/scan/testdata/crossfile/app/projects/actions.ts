"use server";

import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";
import { requireUser as requireLegacyUser } from "@/lib/legacy-auth";
import { getCurrentUser } from "@/lib/user";
import { verifySession } from "@/lib/dal";
import { requireUser as requireUserFromBarrel, verifySession as verifyFromBarrel } from "@/lib";
import { withAuth, withAuthAfter } from "@/lib/wrappers";

export async function createProject(name: string) {
  const user = await requireUser();
  await prisma.project.create({ data: { name, ownerId: user.id } });
}

export async function createLegacyProject(name: string) { // want "missing-auth P0"
  await requireLegacyUser();
  await prisma.project.create({ data: { name } });
}

export async function starProject(id: string) {
  const user = await getCurrentUser();
  if (!user) throw new Error("Unauthorized");
  await prisma.star.create({ data: { projectId: id, userId: user.id } });
}

export async function unstarProject(id: string) { // want "auth-not-enforced P0"
  const user = await getCurrentUser();
  await prisma.star.deleteMany({ where: { projectId: id, userId: user?.id } });
}

export async function archiveProject(id: string) {
  const { userId } = await verifySession();
  await prisma.project.update({ where: { id }, data: { archived: true, archivedBy: userId } });
}

export async function copyProject(id: string) {
  await requireUserFromBarrel();
  await prisma.project.create({ data: { copiedFrom: id } });
}

export async function moveProject(id: string, folder: string) {
  await verifyFromBarrel();
  await prisma.project.update({ where: { id }, data: { folder } });
}

export const renameProject = withAuth(async (user, input: { id: string; name: string }) => {
  await prisma.project.update({ where: { id: input.id }, data: { name: input.name, editedBy: user.id } });
});

export const deleteProject = withAuthAfter(async (_user, input: { id: string }) => { // want "auth-after-effect P0"
  await prisma.project.delete({ where: { id: input.id } });
});
