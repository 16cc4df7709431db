import { betterAuth } from "better-auth";

export const betterAuthServer = betterAuth({ emailAndPassword: { enabled: true } });
