import Link from "next/link";
import { NewsletterForm } from "@/components/newsletter-form";

export default function LandingPage() {
  return (
    <main className="landing">
      <h1>Live sessions on event marketing</h1>
      <p>
        Every month Brightwave hosts a free one-hour webinar on filling rooms, pricing tickets and
        keeping sponsors happy.
      </p>
      <NewsletterForm />
      <p className="staff-link">
        Staff? <Link href="/webinars">Open the dashboard</Link>
      </p>
    </main>
  );
}
