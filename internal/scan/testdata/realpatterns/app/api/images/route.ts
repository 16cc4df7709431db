import { auth } from "@/auth";
import { countImages, getImage, getImageUrl } from "@/lib/usecase";

export async function GET(request: Request) {
  const session = await auth();
  const id = new URL(request.url).searchParams.get("id") ?? "";
  return Response.json(await getImage(session?.user, id));
}

export async function HEAD() { // want "auth-not-enforced P1"
  const session = await auth();
  return Response.json(await countImages(session?.user));
}

export async function POST(request: Request) {
  const session = await auth();
  const id = new URL(request.url).searchParams.get("id") ?? "";
  return Response.json({ url: await getImageUrl(session?.user, id) });
}
