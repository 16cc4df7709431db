"use server";

// No page, layout or component imports this module.
export async function pingPartner() { // want "missing-auth P2"
  await fetch("https://partner.example/ping", { method: "POST" });
}
