import { auth } from "@clerk/nextjs/server";
import Link from "next/link";
import { archiveProject, createProject } from "@/app/projects/actions";
import { prisma } from "@/lib/db";

export default async function ProjectsPage() {
  const { userId, orgId } = await auth.protect();
  const projects = await prisma.project.findMany({
    where: { orgId: orgId ?? userId, archivedAt: null },
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { tasks: true } } },
  });

  return (
    <main>
      <h1>Projects</h1>
      <ul className="projects">
        {projects.map((project) => (
          <li key={project.id}>
            <Link href={`/projects/${project.id}`}>{project.name}</Link>
            {project.clientName && <span className="client">{project.clientName}</span>}
            <span className="count">{project._count.tasks} tasks</span>
            <form action={archiveProject}>
              <input type="hidden" name="projectId" value={project.id} />
              <button type="submit">Archive</button>
            </form>
          </li>
        ))}
      </ul>

      <h2>New project</h2>
      <form action={createProject} className="new-project">
        <input name="name" placeholder="Project name" required minLength={2} maxLength={80} />
        <input name="clientName" placeholder="Client (optional)" maxLength={80} />
        <button type="submit">Create project</button>
      </form>
    </main>
  );
}
