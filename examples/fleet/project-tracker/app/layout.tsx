import { ClerkProvider, OrganizationSwitcher, UserButton } from "@clerk/nextjs";
import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: "Northline Projects",
  description: "Client projects and tasks for the Northline studio.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <ClerkProvider signInUrl="/login">
      <html lang="en">
        <body>
          <header className="topbar">
            <OrganizationSwitcher hidePersonal />
            <UserButton />
          </header>
          {children}
        </body>
      </html>
    </ClerkProvider>
  );
}
