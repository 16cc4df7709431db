import { clerkMiddleware } from "@clerk/nextjs/server";

export default clerkMiddleware();
