export async function requireUser() {
  return null;
}
