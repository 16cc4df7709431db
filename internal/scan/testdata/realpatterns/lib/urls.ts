// Picks the public base URL; the setting chooses a value and gates nothing.
export function baseUrl() {
  if (process.env.PUBLIC_URL) return `https://${process.env.PUBLIC_URL}`;
  return "http://localhost:3000";
}
