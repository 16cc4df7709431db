import { connection } from "next/server";
import { loadGreeting } from "./greeting";

// Calls a server action export directly instead of handing it to client
// code. Rendering on each request keeps the build from calling it.
export default async function HomePage() {
  await connection();
  const greeting = await loadGreeting();
  return (
    <main>
      <h1>{greeting}</h1>
      <ul>
        <li><a href="/notes">notes</a></li>
        <li><a href="/inline">inline actions</a></li>
        <li><a href="/safe">next-safe-action</a></li>
      </ul>
    </main>
  );
}
