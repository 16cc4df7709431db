export const format = (value: number) => value.toFixed(2);
