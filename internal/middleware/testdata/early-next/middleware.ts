import { NextResponse, type NextRequest } from "next/server";

const open = ["/", "/pricing"];

export async function middleware(req: NextRequest) {
  const path = req.nextUrl.pathname;
  if (path.startsWith("/api/webhooks") || open.includes(path)) {
    return NextResponse.next();
  }
  if (/^\/blog\//.test(path)) return NextResponse.next();

  const user = await getUser(req);
  if (user) {
    return NextResponse.next();
  }
  return NextResponse.redirect(new URL("/login", req.url));
}

async function getUser(req: NextRequest) {
  return req.cookies.get("sid") ? { id: "1" } : null;
}
