import type { Metadata } from "next";
import Link from "next/link";
import { ConsentForm } from "@/components/consent-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getAccountProfile } from "@/db/queries/account-profile";
import { listIdeasForAuthor } from "@/db/queries/ideas";
import { getStudySettings } from "@/db/queries/study-setup";
import { formatUtcDateTime } from "@/lib/format";
import { needsConsent } from "@/server/auth/consent";
import { guardPage } from "@/server/auth/guarded-handlers";
import { acceptConsentAction } from "./actions";
import { NewIdeaForm } from "./new-idea-form";

export const metadata: Metadata = { title: "My ideas" };

export default async function MyIdeasPage({ params }: PageProps<"/studies/[studyId]/ideas">) {
  const { studyId } = await params;
  const { user, roles } = await guardPage({ study: { roles: ["writer"] } }, { studyId });
  const { study, topics } = getStudySettings({ studyId });
  if (needsConsent({ studyId, userId: user.id, roles })) {
    return (
      <ConsentForm
        studyId={study.id}
        consentText={study.consentText}
        action={acceptConsentAction}
        returnTo={`/studies/${study.id}/ideas`}
        institution={getAccountProfile({ userId: user.id }).institution}
      />
    );
  }
  const ideas = listIdeasForAuthor({ studyId, authorId: user.id });
  const writing = study.status === "writing";
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        {study.instructions ? (
          <Card>
            <CardTitle>Instructions</CardTitle>
            <p className="whitespace-pre-wrap text-sm">{study.instructions}</p>
          </Card>
        ) : null}
        <Card>
          <CardTitle>My ideas</CardTitle>
          {ideas.length === 0 ? (
            <p className="text-sm text-[var(--foreground-soft)]" data-testid="no-ideas">
              {writing
                ? "You have not started an idea yet. Choose a topic and start writing."
                : "You have no ideas in this study."}
            </p>
          ) : (
            <DataTable testId="my-ideas" columns={["Title", "Topic", "Status", "Last saved"]}>
              {ideas.map((i) => (
                <tr key={i.id} className="border-t border-[var(--border)]">
                  <td className="py-2 pr-3">
                    <Link href={`/studies/${studyId}/ideas/${i.id}`}>
                      {i.fields.title?.trim() || "(untitled)"}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{i.topicName}</td>
                  <td className="py-2 pr-3">
                    <Badge tone={i.status === "submitted" ? "accent" : "neutral"}>{i.status}</Badge>
                  </td>
                  <td className="py-2 pr-3">{formatUtcDateTime(i.updatedAt)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
      </div>
      <Card>
        <CardTitle>New idea</CardTitle>
        {!writing ? (
          <p className="text-sm">
            Writing opens when the organizer starts the writing phase (now: {study.status}).
          </p>
        ) : topics.length === 0 ? (
          <p className="text-sm">The organizer has not added topics yet.</p>
        ) : (
          <NewIdeaForm studyId={studyId} topics={topics} />
        )}
      </Card>
    </div>
  );
}
