export default function Page() {
  return <main>projects</main>;
}
