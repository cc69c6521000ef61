import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Card } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { isSetupOpen } from "@/server/auth/accounts";
import { getSessionUser } from "@/server/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  await connection(); // reads the database: never prerender at build time
  if (isSetupOpen()) redirect("/setup");
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getSessionUser()) redirect(target);
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      <SignInForm callbackUrl={target} />
      <p className="mt-4 text-xs text-[var(--foreground-soft)]">
        New here? Accounts are created from an invitation link sent by a study organizer or admin.
      </p>
    </Card>
  );
}
