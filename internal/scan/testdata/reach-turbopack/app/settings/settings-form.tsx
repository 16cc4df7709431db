"use client";

export function SettingsForm({ save }: { save: (data: FormData) => Promise<void> }) {
  return <form action={save}><button>save</button></form>;
}
