export function proxy() {}
