import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { StudyWithRoles } from "@/db/queries/studies";
import type { SessionUser } from "@/lib/auth/types";
import { signOutAction } from "../actions";

function Menu({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  // <details> keeps the menus keyboard-usable without client JavaScript.
  return (
    <details className="group relative" data-testid={testId}>
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm hover:bg-[var(--muted)]">
        {label} <span aria-hidden>▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 min-w-64 rounded-md border border-[var(--border)] bg-[var(--surface)] p-2 shadow-lg md:left-0 md:right-auto">
        {children}
      </div>
    </details>
  );
}

export function SiteHeader({ user, studies }: { user: SessionUser; studies: StudyWithRoles[] }) {
  return (
    <header className="border-b border-[var(--border)] bg-[var(--surface)]">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-4 py-2">
        <Link href="/" className="mr-2 font-semibold text-[var(--foreground)]">
          Ideation Lab
        </Link>
        <Menu label="Studies" testId="menu-studies">
          {studies.length === 0 ? (
            <p className="px-2 py-1 text-sm text-[var(--foreground-soft)]">No studies yet.</p>
          ) : (
            <ul className="space-y-1">
              {studies.map((s) => (
                <li key={s.id}>
                  <Link
                    href={`/studies/${s.id}`}
                    className="block rounded px-2 py-1 text-sm hover:bg-[var(--muted)]"
                  >
                    {s.title} {s.isDemo ? <Badge tone="demo">demo</Badge> : null}
                    <span className="block text-xs text-[var(--foreground-soft)]">{s.roles.join(", ")}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Menu>
        {user.isAdmin ? (
          <Menu label="Admin" testId="menu-admin">
            <ul className="space-y-1 text-sm">
              <li>
                <Link className="block rounded px-2 py-1 hover:bg-[var(--muted)]" href="/admin/users">
                  Users
                </Link>
              </li>
              <li>
                <Link className="block rounded px-2 py-1 hover:bg-[var(--muted)]" href="/admin/invitations">
                  Invitations
                </Link>
              </li>
              <li>
                <Link className="block rounded px-2 py-1 hover:bg-[var(--muted)]" href="/admin/llm">
                  LLM status
                </Link>
              </li>
              <li>
                <Link className="block rounded px-2 py-1 hover:bg-[var(--muted)]" href="/admin/literature">
                  Literature sources
                </Link>
              </li>
              <li>
                <Link className="block rounded px-2 py-1 hover:bg-[var(--muted)]" href="/admin/jobs">
                  Jobs
                </Link>
              </li>
            </ul>
          </Menu>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          <Link href="/account" className="text-sm" data-testid="account-link">
            {user.name}
            {user.isAdmin ? (
              <span className="ml-1">
                <Badge tone="accent">admin</Badge>
              </span>
            ) : null}
          </Link>
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded-md px-2 py-1 text-sm hover:bg-[var(--muted)]"
              data-testid="sign-out"
            >
              Sign out
            </button>
          </form>
        </div>
      </nav>
    </header>
  );
}
