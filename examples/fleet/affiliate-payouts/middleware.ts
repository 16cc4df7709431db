import { NextResponse, type NextRequest } from "next/server";

// Must match sessionOptions.cookieName in lib/auth.ts. Only the cookie's presence is checked
// here. requireUser() decrypts and validates it.
const sessionCookie = "payouts_session";

export function middleware(request: NextRequest) {
  if (request.nextUrl.pathname === "/login") {
    return NextResponse.next();
  }

  if (!request.cookies.has(sessionCookie)) {
    const loginUrl = new URL("/login", request.url);
    loginUrl.searchParams.set("next", request.nextUrl.pathname);
    return NextResponse.redirect(loginUrl);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
