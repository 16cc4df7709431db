import { NextResponse, type NextRequest } from "next/server";
import { decrypt } from "./lib/session";

const publicRoutes = ["/login", "/signup", "/api/public"];

export async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const isPublic = publicRoutes.some((route) => pathname.startsWith(route));
  const session = await decrypt(req.cookies.get("session")?.value);

  if (!isPublic && !session?.userId) {
    return NextResponse.redirect(new URL("/login", req.nextUrl));
  }
  return NextResponse.next();
}
