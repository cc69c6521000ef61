import type { Metadata } from "next";
import Link from "next/link";
import { ConsentForm } from "@/components/consent-form";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { ReviewState } from "@/db/queries/blind-policy";
import { getReviewSetup } from "@/db/queries/review-setup";
import { getReviewerProfile } from "@/db/queries/reviewers";
import { listMyAssignments } from "@/db/queries/reviews-reviewer";
import { getStudySettings } from "@/db/queries/study-setup";
import { formatUtcDateTime, plural } from "@/lib/format";
import { needsConsent } from "@/server/auth/consent";
import { guardPage } from "@/server/auth/guarded-handlers";
import { acceptConsentAction } from "../ideas/actions";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "My reviews" };

const stateLabel: Record<ReviewState, string> = {
  not_started: "Not started",
  draft: "Draft",
  submitted: "Submitted",
};

export default async function ReviewQueuePage({ params }: PageProps<"/studies/[studyId]/review">) {
  const { studyId } = await params;
  const { user, roles } = await guardPage({ study: { roles: ["reviewer"] } }, { studyId });
  const { study, topics } = getStudySettings({ studyId });
  if (needsConsent({ studyId, userId: user.id, roles })) {
    return (
      <ConsentForm
        studyId={study.id}
        consentText={study.consentText}
        action={acceptConsentAction}
        returnTo={`/studies/${study.id}/review`}
      />
    );
  }
  const { settings } = getReviewSetup({ studyId });
  const profile = getReviewerProfile({ studyId, userId: user.id });
  const queue = listMyAssignments({ studyId, userId: user.id });
  const closed = study.status === "closed";
  const done = queue.filter((q) => q.state === "submitted").length;
  const now = Date.now();
  return (
    <div className="space-y-6">
      <Card>
        <CardTitle>Assigned ideas</CardTitle>
        {queue.length === 0 ? (
          <p className="text-sm text-[var(--foreground-soft)]" data-testid="queue-empty">
            {profile
              ? "No ideas are assigned to you yet. The organizer publishes assignments after reviewers have signed up; they will appear here."
              : "Sign up below first: choose your topics and how many ideas you can review."}
          </p>
        ) : (
          <>
            <p className="mb-3 text-sm" data-testid="queue-progress">
              {done} of {queue.length} submitted.
              {queue[0]?.dueAt ? ` Due ${formatUtcDateTime(queue[0].dueAt)}.` : ""}
              {study.status === "reviewing" || study.status === "arena"
                ? ""
                : closed
                  ? " The review phase has closed."
                  : " Reviewing opens soon: you can read the ideas now."}
            </p>
            <DataTable
              testId="review-queue"
              stackOnMobile
              columns={["Idea", "Topic", "State", "Due", { label: "", align: "right" }]}
            >
              {queue.map((q) => (
                <tr
                  key={q.assignmentId}
                  className="border-t border-[var(--border)] max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:gap-x-3 max-sm:gap-y-1 max-sm:py-3"
                  data-testid="queue-row"
                >
                  <td className="py-2 pr-3 font-mono max-sm:p-0">{q.code}</td>
                  <td className="py-2 pr-3 max-sm:w-full max-sm:p-0 max-sm:order-first">{q.topic}</td>
                  <td className="py-2 pr-3 max-sm:p-0">
                    <Badge tone={q.state === "submitted" ? "accent" : "neutral"}>{stateLabel[q.state]}</Badge>
                    {q.state !== "submitted" && q.dueAt !== null && now > q.dueAt ? (
                      <span className="ml-2 text-xs font-medium text-red-700 dark:text-red-400">Overdue</span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3 max-sm:p-0 max-sm:text-xs">
                    <span className="sm:hidden">Due </span>
                    {q.dueAt ? formatUtcDateTime(q.dueAt, { zone: false }) : "—"}
                  </td>
                  <td className="py-2 text-right max-sm:ml-auto max-sm:p-0">
                    <Link
                      href={`/studies/${studyId}/review/${q.assignmentId}`}
                      className={buttonClass("secondary")}
                      data-testid="open-review"
                    >
                      {q.state === "not_started" ? "Start" : q.state === "draft" ? "Continue" : "Open"}
                    </Link>
                  </td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </Card>
      <Card>
        <CardTitle>Your review preferences</CardTitle>
        <p className="mb-3 text-sm text-[var(--foreground-soft)]">
          Choose up to {plural(settings.maxTopicChoices, "topic")} you know well, and how many ideas you can
          review (the study allows {settings.loadMin}–{settings.loadMax}). Your institution keeps you away
          from ideas written by colleagues.
        </p>
        <ProfileForm
          studyId={studyId}
          topics={topics.map((t) => ({ id: t.id, name: t.name, description: t.description }))}
          settings={{
            maxTopicChoices: settings.maxTopicChoices,
            loadMin: settings.loadMin,
            loadMax: settings.loadMax,
          }}
          profile={
            profile
              ? {
                  topicIds: profile.topicIds,
                  minLoad: profile.minLoad,
                  maxLoad: profile.maxLoad,
                  institution: profile.institution,
                }
              : null
          }
          disabled={closed}
        />
      </Card>
    </div>
  );
}
