export function Card() { return null; }
