import NextAuth from "next-auth";
import { prisma } from "@/lib/db";

export const { auth, handlers } = NextAuth({
  providers: [],
  callbacks: {
    async jwt({ token }) {
      const user = await prisma.user.findUnique({ where: { email: token.email ?? "" } });
      return { ...token, role: user?.role };
    },
  },
});
