export const legacyHelper = () => {};
