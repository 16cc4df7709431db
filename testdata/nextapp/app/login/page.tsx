export default function LoginPage() {
  return <main>Sign in by setting the session cookie.</main>;
}
