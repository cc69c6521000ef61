import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Card } from "@/components/ui/card";
import { isSetupOpen } from "@/server/auth/accounts";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "First-run setup" };

export default async function SetupPage() {
  await connection(); // reads the database: never prerender at build time
  if (!isSetupOpen()) {
    return (
      <Card data-testid="setup-closed">
        <h1 className="mb-2 text-xl font-semibold">Setup is complete</h1>
        <p className="text-sm">
          This instance already has an admin. <Link href="/signin">Sign in</Link>, or ask an admin for an
          invitation.
        </p>
      </Card>
    );
  }
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Welcome to Ideation Lab</h1>
      <p className="mb-4 text-sm text-[var(--foreground-soft)]">
        Create the admin account for this instance. This page closes once it exists.
      </p>
      <SetupForm />
    </Card>
  );
}
