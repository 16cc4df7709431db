import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/better";

export const { GET, POST } = toNextJsHandler(auth);
