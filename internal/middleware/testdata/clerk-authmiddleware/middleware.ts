import { authMiddleware } from "@clerk/nextjs";

// Clerk v4: every route needs a session except the public ones.
export default authMiddleware({
  publicRoutes: ["/", "/pricing", "/api/webhooks(.*)"],
});

export const config = {
  matcher: ["/((?!.+\\.[\\w]+$|_next).*)", "/", "/(api|trpc)(.*)"],
};
