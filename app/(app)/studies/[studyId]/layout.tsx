import Link from "next/link";
import type { ReactNode } from "react";
import { StudyNav } from "@/components/study-nav";
import { Badge } from "@/components/ui/badge";
import { getPublicationFlags } from "@/db/queries/studies";
import { guardPage } from "@/server/auth/guarded-handlers";

export default async function StudyLayout({ children, params }: LayoutProps<"/studies/[studyId]">) {
  const { studyId } = await params;
  const { study, roles } = await guardPage({ study: { roles: "member" } }, { studyId });
  if (!study) return null;
  return (
    <div>
      <p className="mb-1 text-xs text-[var(--foreground-soft)]">
        <Link href={`/studies/${study.id}`}>{study.title}</Link>{" "}
        {study.isDemo ? <Badge tone="demo">demo</Badge> : null} · phase{" "}
        <span data-testid="study-phase">{study.status}</span>
      </p>
      {study.archivedAt !== null ? (
        <p
          className="mb-3 rounded-md border border-[var(--border)] bg-[var(--muted)] px-3 py-2 text-sm"
          data-testid="archived-banner"
        >
          This study is archived and read-only.
        </p>
      ) : null}
      <StudyNav studyId={study.id} roles={roles} published={getPublicationFlags({ studyId: study.id })} />
      {children as ReactNode}
    </div>
  );
}
