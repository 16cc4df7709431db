import { handlers } from "@/auth";

// actionguard: public -- Auth.js sign-in, OAuth callback and sign-out endpoints
export const { GET, POST } = handlers;
