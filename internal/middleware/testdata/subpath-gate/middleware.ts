import { NextResponse, type NextRequest } from "next/server";

const membersArea = "/dashboard";

// Runs on every page but sends only members-area visitors without a
// session cookie to the sign-in page.
export async function middleware(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const sessionCookie = request.cookies.get("sid");
  const inMembersArea = pathname.startsWith(membersArea);

  if (inMembersArea && !sessionCookie) {
    return NextResponse.redirect(new URL("/sign-in", request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
