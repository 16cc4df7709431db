import { auth } from "@/auth";
import { prisma } from "@/lib/db";

// Inline actions on an object outside any function are named by their key.
const noteToolbar = {
  async star(id: string) { // want "missing-auth P0"
    "use server";
    await prisma.note.update({ where: { id }, data: { starred: true } });
  },
};

export default async function Page() {
  const notes = await prisma.note.findMany();

  async function clearDrafts() { // want "missing-auth P0"
    "use server";
    await prisma.note.deleteMany({ where: { draft: true } });
  }

  const markRead = async () => {
    "use server";
    const session = await auth();
    if (!session?.user) return;
    await prisma.note.updateMany({ data: { read: true } });
  };

  const exportNotes = async () => { // want "missing-auth P0"
    "use server";
    await fetch("https://export.example.com/jobs", { method: "POST" });
  };

  // The directive is not the first statement, so this is an ordinary
  // server-side function, not an action.
  async function notAnAction() {
    const stamp = Date.now();
    "use server";
    await prisma.note.deleteMany({ where: { createdAt: { lt: new Date(stamp) } } });
  }

  return (
    <main>
      <form action={clearDrafts} />
      <form action={markRead} />
      <form action={exportNotes} />
      <form
        action={async (formData: FormData) => { // want "missing-auth P0"
          "use server";
          await prisma.note.create({ data: { body: String(formData.get("body")) } });
        }}
      />
      <form
        action={async () => {
          "use server";
          const session = await auth();
          if (!session?.user) throw new Error("Unauthorized");
          await prisma.note.deleteMany({ where: { ownerId: session.user.id } });
        }}
      />
      <button formAction={noteToolbar.star} />
      <p>{notes.length}</p>
    </main>
  );
}
