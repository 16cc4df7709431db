"use client";

import archiveNotes, { createNote, deleteNote, renameNote, shareNote } from "./actions";

export function NoteButtons() {
  return (
    <div>
      <button onClick={() => createNote()}>create</button>
      <button onClick={() => deleteNote()}>delete</button>
      <button onClick={() => archiveNotes()}>archive</button>
      <button onClick={() => renameNote()}>rename</button>
      <button onClick={() => shareNote()}>share</button>
    </div>
  );
}
