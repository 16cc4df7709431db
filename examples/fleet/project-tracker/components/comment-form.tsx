"use client";

import { useState, useTransition } from "react";
import { addComment } from "@/lib/actions/comments";

export function CommentForm({ taskId, projectId }: { taskId: string; projectId: string }) {
  const [body, setBody] = useState("");
  const [pending, startTransition] = useTransition();

  function submit() {
    startTransition(async () => {
      await addComment(taskId, projectId, body);
      setBody("");
    });
  }

  return (
    <div className="comment-form">
      <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={2} maxLength={5000} />
      <button type="button" onClick={submit} disabled={pending || body.trim() === ""}>
        Comment
      </button>
    </div>
  );
}
