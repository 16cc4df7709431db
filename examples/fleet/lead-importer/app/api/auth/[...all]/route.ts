import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";

// actionguard: public -- better-auth sign-in, sign-out and session endpoints
export const { GET, POST } = toNextJsHandler(auth);
