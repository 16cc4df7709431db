import { getSessionFromVault } from "@acme/vault";

export async function requireUser() {
  const session = await getSessionFromVault();
  if (!session) throw new Error("Unauthorized");
  return session;
}
