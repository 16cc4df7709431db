import { auth } from "@clerk/nextjs/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewTaskForm } from "@/components/new-task-form";
import { TaskBoard } from "@/components/task-board";
import { prisma } from "@/lib/db";

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { userId, orgId } = await auth.protect();

  const project = await prisma.project.findFirst({
    where: { id: projectId, orgId: orgId ?? userId },
    include: {
      tasks: {
        orderBy: { createdAt: "asc" },
        include: { comments: { orderBy: { createdAt: "asc" } } },
      },
    },
  });
  if (!project) {
    notFound();
  }

  return (
    <main>
      <h1>{project.name}</h1>
      <p>
        <Link href={`/api/projects/${project.id}/export`}>Download tasks as CSV</Link>
      </p>
      <TaskBoard projectId={project.id} tasks={project.tasks} />
      <h2>Add a task</h2>
      <NewTaskForm projectId={project.id} />
    </main>
  );
}
