import { postHandlers } from "@/lib/handlers";

export const DELETE = postHandlers.remove; // want "missing-auth P0"
