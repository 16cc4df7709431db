import { NextResponse, type NextRequest } from "next/server";

export function middleware(request: NextRequest) {
  if (!request.cookies.has("session")) {
    return NextResponse.redirect(new URL("/login", request.url));
  }
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|login).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
    { source: "/admin/:path*", has: [{ type: "cookie", key: "beta", value: "1" }] },
    "/settings/:path*",
  ],
};
