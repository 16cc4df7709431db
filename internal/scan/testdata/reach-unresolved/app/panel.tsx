"use client";

// The file this names does not exist, so it could be the one that imports
// the action below.
import { AdminTools } from "@/components/admin-tools";

export function Panel() {
  return <AdminTools />;
}
