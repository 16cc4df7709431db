import { withAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";

// withAuth runs the handler only for requests the authorized callback
// admits, so its pass for auth pages never applies to anonymous visitors.
// Only the configured sign-in page is let through by withAuth itself.
export default withAuth(
  function middleware(req) {
    const onAuthPage = ["/login", "/register"].includes(req.nextUrl.pathname);
    if (onAuthPage) {
      return NextResponse.next();
    }
  },
  {
    callbacks: { authorized: ({ token }) => !!token },
    pages: { signIn: "/login" },
  },
);

export const config = {
  matcher: ["/projects/:path*", "/login", "/register"],
};
