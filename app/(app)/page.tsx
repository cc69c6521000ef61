import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listStudiesForUser } from "@/db/queries/studies";
import { getNextSteps } from "@/lib/studies/next-steps";
import { guardPage } from "@/server/auth/guarded-handlers";
import { CreateStudyForm } from "./studies/create-study-form";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: PageProps<"/">) {
  const { user } = await guardPage({});
  const query = await searchParams;
  const showArchived = query.archived === "1";
  const deleted = typeof query.deleted === "string" ? query.deleted : null;
  const all = listStudiesForUser({ userId: user.id });
  const archivedCount = all.filter((s) => s.archivedAt !== null).length;
  const studies = showArchived ? all : all.filter((s) => s.archivedAt === null);
  return (
    <>
      <PageHeader title={`Hello, ${user.name}`} description="Your studies and what to do next." />
      {deleted ? (
        <div className="mb-4">
          <Alert tone="success" testId="study-deleted">
            The study “{deleted}” and all its data were deleted.
          </Alert>
        </div>
      ) : null}
      {archivedCount > 0 ? (
        <p className="mb-3 text-sm">
          <Link href={showArchived ? "/" : "/?archived=1"} data-testid="toggle-archived">
            {showArchived ? "Hide archived studies" : `Show archived studies (${archivedCount})`}
          </Link>
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2" data-testid="study-list">
          {studies.length === 0 ? (
            <Card data-testid="empty-studies">
              <CardTitle>No studies yet</CardTitle>
              <p className="text-sm">
                {user.canCreateStudies
                  ? "Create your first study with the form on this page, then invite writers, reviewers and judges."
                  : "You are not part of any study yet. Open the invitation link a study organizer sent you to join one."}
              </p>
            </Card>
          ) : (
            studies.map((s) => (
              <Card key={s.id} data-testid="study-card">
                <CardTitle action={<Badge>{s.status}</Badge>}>
                  <Link href={`/studies/${s.id}`}>{s.title}</Link>{" "}
                  {s.isDemo ? <Badge tone="demo">demo</Badge> : null}
                  {s.archivedAt !== null ? <Badge>archived</Badge> : null}
                </CardTitle>
                <ul className="space-y-1 text-sm">
                  {getNextSteps({ studyId: s.id, status: s.status, roles: s.roles }).map((step) => (
                    <li key={step.role}>
                      <Badge tone="accent">{step.role}</Badge>{" "}
                      {step.href ? <Link href={step.href}>{step.text}</Link> : step.text}
                    </li>
                  ))}
                </ul>
              </Card>
            ))
          )}
        </div>
        <aside className="space-y-4">
          {user.canCreateStudies ? (
            <Card>
              <CardTitle>New study</CardTitle>
              <CreateStudyForm />
            </Card>
          ) : null}
          {user.isAdmin ? (
            <Card>
              <CardTitle>Instance</CardTitle>
              <ul className="space-y-1 text-sm">
                <li>
                  <Link href="/admin/invitations">Invite organizers and admins</Link>
                </li>
                <li>
                  <Link href="/admin/users">Manage users</Link>
                </li>
                <li>
                  <Link href="/admin/llm">Check the LLM provider</Link>
                </li>
              </ul>
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
