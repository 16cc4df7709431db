"use client";

import { useActionState } from "react";
import { subscribe } from "@/app/(marketing)/actions";

export function NewsletterForm() {
  const [state, formAction, pending] = useActionState(subscribe, null);

  return (
    <form action={formAction} className="newsletter">
      <label htmlFor="newsletter-email">Get the next date by email</label>
      <input id="newsletter-email" name="email" type="email" autoComplete="email" required />
      <button type="submit" disabled={pending}>
        {pending ? "Subscribing…" : "Subscribe"}
      </button>
      {state && <p role="status">{state.message}</p>}
    </form>
  );
}
