"use server";

import Stripe from "stripe";
import { S3Client, DeleteObjectCommand, GetObjectCommand } from "@aws-sdk/client-s3";

const stripe = new Stripe(process.env.STRIPE_KEY ?? "");
const s3 = new S3Client({});

export async function listPrices() { // want "missing-auth P1"
  const prices = await stripe.prices.list();
  return prices.data.map((price) => price.id);
}

export async function deleteUpload(key: string) { // want "missing-auth P0"
  await s3.send(new DeleteObjectCommand({ Bucket: "uploads", Key: key }));
}

export async function readUpload(key: string) { // want "missing-auth P1"
  return s3.send(new GetObjectCommand({ Bucket: "uploads", Key: key }));
}
