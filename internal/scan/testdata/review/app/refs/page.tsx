import { allActions } from "./client";

export default function RefsPage() {
  return <p>{allActions.length} action modules</p>;
}
