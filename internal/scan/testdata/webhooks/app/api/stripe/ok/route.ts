import { stripe } from "@/lib/stripe";
import { db } from "@/lib/db";
import { orders } from "@/lib/schema";

// constructEvent throws on a bad signature, so only Stripe reaches the insert.
export async function POST(request: Request) {
  const body = await request.text();
  const signature = request.headers.get("stripe-signature") ?? "";
  const event = stripe.webhooks.constructEvent(body, signature, process.env.STRIPE_WEBHOOK_SECRET!);
  await db.insert(orders).values({ stripeId: event.id });
  return Response.json({ received: true });
}
