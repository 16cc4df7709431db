"use server";

import { prisma } from "@/lib/db";
import { assertMember, requireUser } from "@/lib/auth";

export async function renameForUser(userId: string, name: string) { // want "caller-supplied-identity P2"
  await requireUser();
  await prisma.profile.update({ where: { userId }, data: { name } });
}

export async function renameOwn(name: string) {
  const user = await requireUser();
  await prisma.profile.update({ where: { userId: user.id }, data: { name } });
}

export async function archiveOrgProjects(input: { orgId: string }) { // want "caller-supplied-identity P2"
  await requireUser();
  await prisma.project.updateMany({ where: { orgId: input.orgId }, data: { archived: true } });
}

export async function archiveOrgProjectsChecked(input: { orgId: string }) {
  const user = await requireUser();
  await assertMember(input.orgId, user.id);
  await prisma.project.updateMany({ where: { orgId: input.orgId }, data: { archived: true } });
}

export async function deleteTeamPost(teamId: string, postId: string) {
  const user = await requireUser();
  await prisma.post.delete({ where: { id: postId, teamId, team: { members: { some: { userId: user.id } } } } });
}

export async function transfer(formData: FormData) { // want "caller-supplied-identity P2"
  await requireUser();
  const ownerId = formData.get("ownerId");
  await prisma.project.update({ where: { id: String(formData.get("id")) }, data: { ownerId: String(ownerId) } });
}

export async function transferChecked(ownerId: string) {
  const user = await requireUser();
  if (ownerId !== user.id) throw new Error("Forbidden");
  await prisma.project.updateMany({ where: { ownerId }, data: { pinned: true } });
}
