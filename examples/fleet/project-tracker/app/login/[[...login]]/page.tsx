import { SignIn } from "@clerk/nextjs";

export default function LoginPage() {
  return (
    <main className="login">
      <SignIn path="/login" fallbackRedirectUrl="/projects" />
    </main>
  );
}
