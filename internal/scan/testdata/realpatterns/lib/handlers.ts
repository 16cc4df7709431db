import { prisma } from "@/lib/db";

export const postHandlers = {
  async remove(request: Request) {
    const id = new URL(request.url).searchParams.get("id") ?? "";
    await prisma.post.delete({ where: { id } });
    return new Response("deleted");
  },
};
