import { desc } from "drizzle-orm";
import { CsvUploadForm } from "@/components/csv-upload-form";
import { db } from "@/lib/db";
import { importBatches } from "@/lib/schema";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export default async function ImportsPage() {
  const batches = await db.select().from(importBatches).orderBy(desc(importBatches.createdAt)).limit(20);

  return (
    <main>
      <h1>Import leads</h1>
      <CsvUploadForm />
      <h2>Recent imports</h2>
      <ul>
        {batches.map((batch) => (
          <li key={batch.id}>
            {batch.fileName}: {batch.rowCount} rows, {when.format(batch.createdAt)}
          </li>
        ))}
      </ul>
    </main>
  );
}
