"use client";

import { createItem } from "./actions";

export function ItemButton() {
  return <button onClick={() => createItem("new")}>add</button>;
}
