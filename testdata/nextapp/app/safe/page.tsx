import { SafeButtons } from "./SafeButtons";

export default function SafePage() {
  return (
    <main>
      <h1>next-safe-action</h1>
      <SafeButtons />
    </main>
  );
}
