import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: "Harbor Leads",
  description: "Lead imports and CRM sync for Harbor Dental Group.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav>
          <Link href="/leads">Leads</Link>
          <Link href="/imports">Import CSV</Link>
        </nav>
        {children}
      </body>
    </html>
  );
}
