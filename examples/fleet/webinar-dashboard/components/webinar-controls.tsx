"use client";

import { useActionState, useState, useTransition } from "react";
import { cancelRegistration, updateWebinarSchedule } from "@/app/webinars/actions";

export function RescheduleForm({ webinarId, startsAt }: { webinarId: string; startsAt: string }) {
  const [value, setValue] = useState(startsAt.slice(0, 16));
  const [pending, startTransition] = useTransition();

  return (
    <div className="reschedule">
      <input type="datetime-local" value={value} onChange={(event) => setValue(event.target.value)} />
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(() => updateWebinarSchedule(webinarId, `${value}:00Z`))}
      >
        {pending ? "Moving…" : "Move webinar"}
      </button>
    </div>
  );
}

export function CancelRegistrationButton({ registrationId }: { registrationId: string }) {
  const [state, formAction, pending] = useActionState(cancelRegistration, null);

  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="registrationId" value={registrationId} />
      <button type="submit" disabled={pending}>
        Cancel
      </button>
      {state?.error && <span role="alert">{state.error}</span>}
    </form>
  );
}
