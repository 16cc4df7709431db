import { NextResponse, type NextRequest } from "next/server";

// Sends signed-in users away from the login page; nobody is rejected for
// lacking a session, so neither redirect is an authentication check.
export function middleware(req: NextRequest) {
  if (req.nextUrl.pathname.startsWith("/old")) {
    return NextResponse.redirect(new URL("/new", req.url));
  }
  const session = req.cookies.get("session");
  if (session && req.nextUrl.pathname === "/login") {
    return NextResponse.redirect(new URL("/dashboard", req.url));
  }
  return NextResponse.next();
}
