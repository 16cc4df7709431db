import { requireUser } from "@/lib/auth";
import { recordEffect } from "@/lib/effect";
import { RunButton } from "./RunButton";

export default function InlinePage() {
  // Named inline action, authenticated.
  async function saveDraft() {
    "use server";
    await requireUser();
    await recordEffect("InlinePage.saveDraft");
  }

  return (
    <main>
      <h1>Inline actions</h1>
      <form action={saveDraft}>
        <button type="submit">save draft</button>
      </form>
      {/* Anonymous inline action, unauthenticated. */}
      <RunButton
        label="publish"
        run={async function () {
          "use server";
          await recordEffect("InlinePage.$1");
        }}
      />
      {/* Inline arrow in a form's action attribute, unauthenticated. */}
      <form
        action={async () => {
          "use server";
          await recordEffect("InlinePage.$2");
        }}
      >
        <button type="submit">ping</button>
      </form>
    </main>
  );
}
