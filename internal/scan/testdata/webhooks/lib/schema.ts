import { pgTable, text } from "drizzle-orm/pg-core";

export const orders = pgTable("orders", { stripeId: text("stripe_id") });
export const users = pgTable("users", { clerkId: text("clerk_id"), externalId: text("external_id") });
export const jobs = pgTable("jobs", { body: text("body") });
