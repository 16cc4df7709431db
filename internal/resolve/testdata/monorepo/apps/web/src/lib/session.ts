import { auth } from "./auth.js";
export async function requireAuth() { if (!(await auth())) throw new Error("unauthorized"); }
