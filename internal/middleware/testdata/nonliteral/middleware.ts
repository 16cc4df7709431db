import { NextResponse, type NextRequest } from "next/server";

const protectedPaths = ["/dashboard/:path*"];

export function middleware(req: NextRequest) {
  if (!req.cookies.get("session")) {
    return NextResponse.redirect(new URL("/login", req.url));
  }
}

export const config = { matcher: protectedPaths };
