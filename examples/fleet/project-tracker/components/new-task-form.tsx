"use client";

import { useRef } from "react";
import { createTask } from "@/lib/actions/tasks";

export function NewTaskForm({ projectId }: { projectId: string }) {
  const formRef = useRef<HTMLFormElement>(null);

  return (
    <form
      ref={formRef}
      action={async (formData) => {
        await createTask(formData);
        formRef.current?.reset();
      }}
      className="new-task"
    >
      <input type="hidden" name="projectId" value={projectId} />
      <input name="title" placeholder="What needs doing?" required maxLength={200} />
      <input name="dueDate" type="date" />
      <button type="submit">Add task</button>
    </form>
  );
}
