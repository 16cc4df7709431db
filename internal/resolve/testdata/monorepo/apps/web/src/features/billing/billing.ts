export const charge = () => {};
