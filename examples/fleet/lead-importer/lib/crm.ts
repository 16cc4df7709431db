import type { Lead } from "@/lib/schema";

// Creates the lead as a HubSpot contact and returns the contact id.
export async function pushLeadToCrm(lead: Lead): Promise<string> {
  const [firstName, ...rest] = lead.fullName.split(" ");
  const response = await fetch("https://api.hubapi.com/crm/v3/objects/contacts", {
    method: "POST",
    headers: {
      Authorization: `Bearer ${process.env.HUBSPOT_TOKEN}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      properties: {
        email: lead.email,
        firstname: firstName,
        lastname: rest.join(" "),
        company: lead.company ?? "",
        phone: lead.phone ?? "",
      },
    }),
  });
  if (!response.ok) {
    throw new Error(`HubSpot contact creation failed for ${lead.email} with status ${response.status}`);
  }
  const contact: { id: string } = await response.json();
  return contact.id;
}
