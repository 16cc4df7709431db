import "server-only";
import { appendFile } from "node:fs/promises";
import path from "node:path";

// Appends the action's name as one line to effects.log in the folder named
// by NEXTAPP_EFFECT_DIR. Tests read that file to learn which actions ran
// their body, so an unset variable is an error rather than a silent no-op.
export async function recordEffect(name: string): Promise<void> {
  const dir = process.env.NEXTAPP_EFFECT_DIR;
  if (!dir) {
    throw new Error(`NEXTAPP_EFFECT_DIR is not set, so ${name} cannot record its effect; set it to a writable folder`);
  }
  await appendFile(path.join(dir, "effects.log"), `${name}\n`);
}
