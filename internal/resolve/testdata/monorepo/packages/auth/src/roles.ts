export const roles = ["admin"];
