export const ignored = 1;
