export { requireUser } from "./auth";
export * from "./dal";
