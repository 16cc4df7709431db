import NextAuth from "next-auth";
import GitHub from "next-auth/providers/github";

const allowedDomain = "@brightwave.events";

export const { auth, handlers, signIn, signOut } = NextAuth({
  providers: [GitHub],
  pages: { signIn: "/login" },
  session: { strategy: "jwt" },
  callbacks: {
    signIn({ profile }) {
      return typeof profile?.email === "string" && profile.email.endsWith(allowedDomain);
    },
    session({ session, token }) {
      if (token.sub) {
        session.user.id = token.sub;
      }
      return session;
    },
  },
});
