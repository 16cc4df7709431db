import { RPCHandler } from "@orpc/server/fetch";
import { notesRouter } from "@/lib/orpc/router";

const handler = new RPCHandler(notesRouter);

// Each procedure has its own middleware, but this route cannot be paired
// with the procedure a request names, so the dispatch is an unknown effect.
export async function POST(request: Request) { // want "missing-auth P1"
  const { response } = await handler.handle(request, { prefix: "/api/rpc" });
  return response ?? new Response("Not found", { status: 404 });
}
