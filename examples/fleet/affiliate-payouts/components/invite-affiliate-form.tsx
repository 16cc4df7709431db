"use client";

import { useFormStatus } from "react-dom";
import { inviteAffiliate } from "@/app/affiliates/actions";

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending}>
      {pending ? "Sending…" : "Send invite"}
    </button>
  );
}

export function InviteAffiliateForm() {
  return (
    <form action={inviteAffiliate} className="invite">
      <input name="name" placeholder="Full name" required minLength={2} maxLength={120} />
      <input name="email" type="email" placeholder="Email" required />
      <SubmitButton />
    </form>
  );
}
