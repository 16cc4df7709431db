"use client";

import { useActionState } from "react";
import { createWebinar, createWebinarV2 } from "@/app/webinars/actions";

// The v2 form saves a draft without booking a Zoom meeting. The client is trying it behind a flag.
const submitWebinar = process.env.NEXT_PUBLIC_WEBINAR_FORM_V2 === "1" ? createWebinarV2 : createWebinar;

export function WebinarForm() {
  const [state, formAction, pending] = useActionState(submitWebinar, null);

  return (
    <form action={formAction} className="webinar-form">
      <label>
        Title
        <input name="title" required minLength={3} maxLength={120} />
      </label>
      <label>
        Description
        <textarea name="description" rows={4} maxLength={2000} />
      </label>
      <label>
        Starts at (UTC)
        <input name="startsAt" type="datetime-local" required />
      </label>
      <label>
        Duration in minutes
        <input name="durationMinutes" type="number" min={15} max={240} defaultValue={60} />
      </label>
      <label>
        Host email
        <input name="hostEmail" type="email" required />
      </label>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Schedule webinar"}
      </button>
      {state?.error && <p role="alert">{state.error}</p>}
      {state?.webinarId && <p role="status">Webinar saved.</p>}
    </form>
  );
}
