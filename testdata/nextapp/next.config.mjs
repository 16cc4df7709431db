// The fixture is built from a copy in a temporary folder, so pin the
// project root here instead of letting Next.js guess it from lockfiles
// found in parent folders.
/** @type {import("next").NextConfig} */
const nextConfig = {
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default nextConfig;
