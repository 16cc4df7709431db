"use client";

export function RunButton({ run, label }: { run: () => Promise<unknown>; label: string }) {
  return <button onClick={() => run()}>{label}</button>;
}
