import { NextResponse, type NextRequest } from "next/server";

// No config: the middleware runs for every request, static files included.
export function middleware(request: NextRequest) {
  const session = request.cookies.get("session")?.value;
  if (!session && !request.nextUrl.pathname.startsWith("/login")) {
    return NextResponse.redirect(new URL("/login", request.url));
  }
  return NextResponse.next();
}
