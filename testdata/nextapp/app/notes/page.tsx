import { NoteButtons } from "./NoteButtons";

export default function NotesPage() {
  return (
    <main>
      <h1>Notes</h1>
      <NoteButtons />
    </main>
  );
}
