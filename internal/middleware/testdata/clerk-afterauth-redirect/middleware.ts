import { authMiddleware, redirectToSignIn } from "@clerk/nextjs";

// afterAuth takes over the default redirect and keeps it for every route
// that is not public.
export default authMiddleware({
  publicRoutes: ["/", "/api/webhooks(.*)"],
  afterAuth(auth, req) {
    if (!auth.userId && !auth.isPublicRoute) {
      return redirectToSignIn({ returnBackUrl: req.url });
    }
  },
});
