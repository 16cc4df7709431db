import { NextResponse, type NextRequest } from "next/server";
import { createClient } from "./server";

export async function updateSession(request: NextRequest) {
  const supabase = createClient(request);
  const { data, error } = await supabase.auth.getUser();
  if (error || !data.user) {
    if (request.nextUrl.pathname.startsWith("/private")) {
      return NextResponse.redirect(new URL("/login", request.url));
    }
  }
  return NextResponse.next();
}
