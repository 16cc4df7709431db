import { stripe } from "@/lib/stripe";
import { db } from "@/lib/db";
import { orders } from "@/lib/schema";

// The catch block logs the bad signature and carries on to the insert.
export async function POST(request: Request) { // want "auth-not-enforced P0"
  const body = await request.text();
  let stripeId = "unknown";
  try {
    const event = stripe.webhooks.constructEvent(body, request.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
    stripeId = event.id;
  } catch (error) {
    console.error("stripe signature", error);
  }
  await db.insert(orders).values({ stripeId });
  return Response.json({ received: true });
}
