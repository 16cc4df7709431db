import { NextResponse, type NextRequest } from "next/server";

export function middleware(req: NextRequest) {
  // Requests of this method skip the check on every path.
  if (req.method === "OPTIONS") return NextResponse.next();
  if (!req.cookies.get("session")) {
    return NextResponse.redirect(new URL("/login", req.url));
  }
}
