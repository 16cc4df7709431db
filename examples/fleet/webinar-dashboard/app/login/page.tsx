"use client";

import { signIn } from "next-auth/react";

export default function LoginPage() {
  return (
    <main className="login">
      <h1>Sign in to Brightwave Webinars</h1>
      <p>Use the GitHub account tied to your brightwave.events address.</p>
      <button type="button" onClick={() => signIn("github", { redirectTo: "/webinars" })}>
        Continue with GitHub
      </button>
    </main>
  );
}
