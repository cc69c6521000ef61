"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { StudyRole } from "@/lib/studies/types";

type Tab = { href: string; label: string; roles: StudyRole[] };

/** The study's sub-navigation: each person sees the tabs of the roles they hold. */
export function StudyNav({
  studyId,
  roles,
  published = { results: false, leaderboard: false },
}: {
  studyId: string;
  roles: StudyRole[];
  /** Published results and leaderboards are open to every member. */
  published?: { results: boolean; leaderboard: boolean };
}) {
  const everyone: StudyRole[] = ["organizer", "writer", "reviewer", "judge"];
  const pathname = usePathname();
  const base = `/studies/${studyId}`;
  const tabs: Tab[] = [
    { href: base, label: "Overview", roles: ["organizer", "writer", "reviewer", "judge"] },
    { href: `${base}/ideas`, label: "My ideas", roles: ["writer"] },
    { href: `${base}/review`, label: "My reviews", roles: ["reviewer"] },
    { href: `${base}/arena`, label: "Arena", roles: ["judge"] },
    { href: `${base}/literature`, label: "Literature", roles: ["organizer", "writer"] },
    { href: `${base}/manage/ideas`, label: "Ideas", roles: ["organizer"] },
    { href: `${base}/ideation`, label: "Ideation", roles: ["organizer"] },
    { href: `${base}/manage/normalization`, label: "Normalization", roles: ["organizer"] },
    { href: `${base}/manage/review-form`, label: "Review form", roles: ["organizer"] },
    { href: `${base}/manage/assignment`, label: "Assignment", roles: ["organizer"] },
    { href: `${base}/manage/reviews`, label: "Reviews", roles: ["organizer"] },
    { href: `${base}/manage/arena`, label: "Arena setup", roles: ["organizer"] },
    { href: `${base}/results`, label: "Results", roles: published.results ? everyone : ["organizer"] },
    {
      href: `${base}/leaderboard`,
      label: "Leaderboard",
      roles: published.leaderboard ? everyone : ["organizer"],
    },
    { href: `${base}/settings`, label: "Settings", roles: ["organizer"] },
    { href: `${base}/members`, label: "Members", roles: ["organizer"] },
  ];
  const visible = tabs.filter((t) => t.roles.some((r) => roles.includes(r)));
  return (
    <nav
      aria-label="Study"
      className="mb-6 flex flex-wrap gap-1 border-b border-[var(--border)]"
      data-testid="study-nav"
    >
      {visible.map((t) => {
        const active = t.href === base ? pathname === base : pathname.startsWith(t.href);
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px rounded-t-md border-b-2 px-3 py-2 text-sm ${active ? "border-[var(--accent)] font-medium" : "border-transparent hover:bg-[var(--muted)]"}`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
