"use client";

import { useState, useTransition } from "react";
import { assignLead, updateLeadStatus, type ActionResult } from "@/app/leads/actions";
import type { LeadStatus } from "@/lib/schema";

const statuses: LeadStatus[] = ["new", "contacted", "qualified", "rejected"];

type Props = { leadId: string; status: LeadStatus; ownerEmail: string };

export function LeadRowActions({ leadId, status, ownerEmail }: Props) {
  const [owner, setOwner] = useState(ownerEmail);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<ActionResult>) {
    startTransition(async () => {
      const result = await action();
      setMessage("error" in result ? result.error : null);
    });
  }

  return (
    <div className="lead-actions" aria-busy={pending}>
      <select
        defaultValue={status}
        onChange={(event) => run(() => updateLeadStatus(leadId, event.target.value as LeadStatus))}
      >
        {statuses.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <input type="email" value={owner} placeholder="Owner email" onChange={(event) => setOwner(event.target.value)} />
      <button type="button" disabled={pending || owner === ownerEmail} onClick={() => run(() => assignLead(leadId, owner))}>
        Assign
      </button>
      {message && <span role="alert">{message}</span>}
    </div>
  );
}
