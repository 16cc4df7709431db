export { requireAuth } from "./server";
