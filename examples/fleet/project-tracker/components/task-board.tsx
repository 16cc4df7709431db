"use client";

import type { Comment, Task, TaskStatus } from "@prisma/client";
import { useTransition } from "react";
import { CommentForm } from "@/components/comment-form";
import { deleteTask, updateTaskStatus } from "@/lib/actions/tasks";

const statusLabels: Record<TaskStatus, string> = {
  TODO: "To do",
  IN_PROGRESS: "In progress",
  IN_REVIEW: "In review",
  DONE: "Done",
};

type TaskWithComments = Task & { comments: Comment[] };

export function TaskBoard({ projectId, tasks }: { projectId: string; tasks: TaskWithComments[] }) {
  const [pending, startTransition] = useTransition();

  return (
    <ul className="task-board" aria-busy={pending}>
      {tasks.map((task) => (
        <li key={task.id}>
          <strong>{task.title}</strong>
          <select
            value={task.status}
            onChange={(event) =>
              startTransition(() => updateTaskStatus(task.id, projectId, event.target.value as TaskStatus))
            }
          >
            {Object.entries(statusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => startTransition(() => deleteTask(task.id, projectId))}>
            Delete
          </button>
          <ul className="comments">
            {task.comments.map((comment) => (
              <li key={comment.id}>
                <b>{comment.authorName}</b>: {comment.body}
              </li>
            ))}
          </ul>
          <CommentForm taskId={task.id} projectId={projectId} />
        </li>
      ))}
    </ul>
  );
}
