import Stripe from "stripe";
import { db } from "@/lib/db";
import { orders } from "@/lib/schema";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(request: Request) {
  const body = await request.text();
  const event = await stripe.webhooks.constructEventAsync(body, request.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  await db.insert(orders).values({ stripeId: event.id });
  return new Response(null, { status: 204 });
}

// Without await the rejection of a bad signature is never seen.
export async function PUT(request: Request) { // want "missing-auth P0"
  const body = await request.text();
  stripe.webhooks.constructEventAsync(body, request.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  await db.insert(orders).values({ stripeId: "pending" });
  return new Response(null, { status: 204 });
}
