// A route handler with no auth and no side effect. Tests poll it to learn
// when the server is ready.
export async function GET() {
  return Response.json({ ok: true });
}
