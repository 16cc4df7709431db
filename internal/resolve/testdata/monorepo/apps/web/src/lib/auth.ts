export async function auth() { return null; }
