import { authMiddleware } from "@clerk/nextjs";
import { NextResponse } from "next/server";

// afterAuth replaces Clerk's default redirect, and this one only steers
// signed-in users, so anonymous requests pass everywhere.
export default authMiddleware({
  publicRoutes: ["/"],
  afterAuth(auth, req) {
    if (auth.userId && auth.isPublicRoute) {
      return NextResponse.redirect(new URL("/home", req.url));
    }
  },
});
