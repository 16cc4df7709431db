import { prisma } from "@/lib/db";
import { o, requireSession } from "@/lib/orpc/base";

export const notesRouter = {
  remove: o
    .use(requireSession())
    .handler(async ({ input }: { input: { id: string } }) => {
      await prisma.note.delete({ where: { id: input.id } });
    }),
  purge: o.handler(async () => {
    await prisma.note.deleteMany({});
  }),
};
