"use client";

import { useActionState } from "react";
import { importCsv } from "@/app/leads/actions";

export function CsvUploadForm() {
  const [state, formAction, pending] = useActionState(importCsv, null);

  return (
    <form action={formAction} className="csv-upload">
      <p>Columns: email, full name, company (optional), phone (optional).</p>
      <input name="file" type="file" accept=".csv,text/csv" required />
      <button type="submit" disabled={pending}>
        {pending ? "Importing…" : "Import"}
      </button>
      {state && "error" in state && <p role="alert">{state.error}</p>}
      {state && "imported" in state && (
        <p role="status">
          Imported {state.imported} leads, skipped {state.skipped} invalid rows.
        </p>
      )}
    </form>
  );
}
