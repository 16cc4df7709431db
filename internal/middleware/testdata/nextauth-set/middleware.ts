import { NextResponse } from "next/server";
import { auth } from "@/auth";

const publicPaths = new Set(["/", "/login"]);

export default auth((request) => {
  if (request.auth || publicPaths.has(request.nextUrl.pathname)) {
    return NextResponse.next();
  }
  return NextResponse.redirect(new URL("/login", request.nextUrl.origin));
});

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
