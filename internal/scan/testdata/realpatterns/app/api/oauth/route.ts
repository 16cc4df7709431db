import { cookies } from "next/headers";
import { prisma } from "@/lib/db";

// The caller sets both the query value and the cookie, so matching them
// proves nothing about who is calling.
export async function POST(request: Request) { // want "missing-auth P0"
  const state = new URL(request.url).searchParams.get("state");
  const stored = (await cookies()).get("oauth_state")?.value;
  if (!state || state !== stored) {
    return new Response(null, { status: 400 });
  }
  await prisma.account.deleteMany({});
  return new Response("ok");
}
