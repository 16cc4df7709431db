export async function requireAuth() {}
