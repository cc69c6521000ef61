import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { listStudiesForUser } from "@/db/queries/studies";
import { getSessionUser } from "@/server/auth/session";
import { SiteHeader } from "./_components/site-header";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  // A stale or revoked session (e.g. after a password change elsewhere) goes back to sign-in.
  if (!user) redirect("/signin");
  // Archived studies stay out of the menu, as on the dashboard unless "show archived" is on.
  const studies = listStudiesForUser({ userId: user.id }).filter((s) => s.archivedAt === null);
  return (
    <>
      <SiteHeader user={user} studies={studies} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </>
  );
}
