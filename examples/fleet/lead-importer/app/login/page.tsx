"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth-client";

export default function LoginPage() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const { error: signInError } = await authClient.signIn.email({
      email: String(form.get("email")),
      password: String(form.get("password")),
    });
    setPending(false);
    if (signInError) {
      setError(signInError.message ?? "Sign-in failed. Check your email and password.");
      return;
    }
    router.push("/leads");
  }

  return (
    <main className="login">
      <h1>Harbor Leads</h1>
      <form onSubmit={handleSubmit}>
        <input name="email" type="email" autoComplete="username" required />
        <input name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={pending}>
          Sign in
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}
