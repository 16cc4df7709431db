import { prisma } from "@/lib/db";

// The use-case layer tests the user it is given.
export async function getImage(user: { id: string } | undefined, id: string) {
  if (!user) throw new Error("Unauthenticated");
  return prisma.image.findFirst({ where: { id, ownerId: user.id } });
}

export async function countImages(user: { id: string } | undefined) {
  console.info("count requested by", user?.id);
  return prisma.image.count();
}

// Passes its user on to the layer that tests it.
export async function getImageUrl(user: { id: string } | undefined, id: string) {
  const image = await getImage(user, id);
  return image?.url ?? null;
}
