import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getStudyOverviewCounts } from "@/db/queries/study-overview";
import { getStudySettings } from "@/db/queries/study-setup";
import { getNextSteps } from "@/lib/studies/next-steps";
import { guardPage } from "@/server/auth/guarded-handlers";

import { OrganizerCounts } from "./_components/organizer-counts";

export const metadata: Metadata = { title: "Study" };

export default async function StudyPage({ params }: PageProps<"/studies/[studyId]">) {
  const { studyId } = await params;
  const { study, roles } = await guardPage({ study: { roles: "member" } }, { studyId });
  if (!study) return null;
  const organizer = roles.includes("organizer");
  const dates = getStudySettings({ studyId }).study.phaseDates;
  return (
    <>
      <PageHeader
        title={
          <>
            {study.title} {study.isDemo ? <Badge tone="demo">demo</Badge> : null}
          </>
        }
        description={`Phase: ${study.status} · Your roles: ${roles.join(", ")}`}
        actions={
          roles.includes("organizer") ? (
            <Link href={`/studies/${study.id}/members`} data-testid="members-link">
              Members and invitations
            </Link>
          ) : null
        }
      />
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardTitle>About this study</CardTitle>
          <p className="whitespace-pre-wrap text-sm" data-testid="study-description">
            {study.description || "No description yet."}
          </p>
        </Card>
        <Card>
          <CardTitle>What to do next</CardTitle>
          <ul className="space-y-2 text-sm" data-testid="next-steps">
            {getNextSteps({ studyId: study.id, status: study.status, roles, dates }).map((step) => (
              <li key={step.role} data-testid={`next-step-${step.role}`}>
                <Badge tone="accent">{step.role}</Badge> {step.text}{" "}
                {step.href ? <Link href={step.href}>Go there</Link> : null}
              </li>
            ))}
          </ul>
        </Card>
        {organizer ? (
          <div className="md:col-span-2">
            <OrganizerCounts counts={getStudyOverviewCounts({ studyId })} dates={dates} />
          </div>
        ) : null}
      </div>
    </>
  );
}
