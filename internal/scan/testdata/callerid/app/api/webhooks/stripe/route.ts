import Stripe from "stripe";
import { prisma } from "@/lib/db";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");

// The signature proves the body is Stripe's, so the user ID in its
// metadata was not chosen by a caller.
export async function POST(request: Request) {
  const body = await request.text();
  const signature = request.headers.get("stripe-signature") ?? "";
  const event = stripe.webhooks.constructEvent(body, signature, process.env.STRIPE_WEBHOOK_SECRET ?? "");
  const session = event.data.object as { metadata: { userId: string } };
  await prisma.user.update({ where: { id: session.metadata.userId }, data: { plan: "pro" } });
  return new Response(null, { status: 200 });
}
