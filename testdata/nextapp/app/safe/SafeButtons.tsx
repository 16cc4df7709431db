"use client";

import { subscribe, updateProfile } from "./actions";

export function SafeButtons() {
  return (
    <div>
      <button onClick={() => updateProfile({ name: "Ada" })}>update profile</button>
      <button onClick={() => subscribe()}>subscribe</button>
    </div>
  );
}
