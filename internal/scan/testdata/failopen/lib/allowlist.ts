const allowed = process.env.ALLOWED_EMAILS?.split(",").map((e) => e.trim()).filter(Boolean) ?? [];

// Applies the list only when it is configured: an empty list admits everyone.
export function assertAllowedLoose(email: string) {
  if (allowed.length > 0) {
    if (!allowed.includes(email)) throw new Error("Not on the allowlist");
  }
}

export function assertAllowedStrict(email: string) {
  if (allowed.length === 0 || !allowed.includes(email)) throw new Error("Not on the allowlist");
}
