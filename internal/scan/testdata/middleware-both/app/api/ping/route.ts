export async function GET() { // want "missing-auth P3"
  return Response.json({ ok: true });
}
