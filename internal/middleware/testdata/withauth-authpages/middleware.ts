import { getToken } from "next-auth/jwt";
import { withAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";

// The authorized callback admits every request, so the handler below is
// the only check, and it lets anonymous visitors of the auth pages in.
export default withAuth(
  async function middleware(req) {
    const session = await getToken({ req });
    const signedIn = Boolean(session);
    const onAuthPage =
      req.nextUrl.pathname.startsWith("/login") || req.nextUrl.pathname.startsWith("/register");

    if (onAuthPage) {
      if (signedIn) {
        return NextResponse.redirect(new URL("/projects", req.url));
      }
      return null;
    }
    if (!signedIn) {
      return NextResponse.redirect(new URL("/login", req.url));
    }
  },
  {
    callbacks: {
      async authorized() {
        return true;
      },
    },
  },
);

export const config = {
  matcher: ["/projects/:path*", "/settings/:path*", "/login", "/register"],
};
