import { prisma } from "@/lib/db";

function csvField(value: string) {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string }> }) { // want "missing-auth P1"
  const { projectId } = await params;
  const tasks = await prisma.task.findMany({
    where: { projectId },
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { comments: true } } },
  });

  const header = "id,title,status,assignee,due_date,comments";
  const lines = tasks.map((task) =>
    [
      task.id,
      csvField(task.title),
      task.status,
      task.assigneeId ?? "",
      task.dueDate?.toISOString().slice(0, 10) ?? "",
      String(task._count.comments),
    ].join(","),
  );

  return new Response([header, ...lines].join("\n"), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="project-${projectId}.csv"`,
    },
  });
}
