import type { Metadata } from "next";
import Link from "next/link";
import { CompletionChart } from "@/components/charts/completion-chart";
import { Card, CardTitle } from "@/components/ui/card";
import { listStudyReviewers } from "@/db/queries/assignments-inputs";
import { getReviewSetup } from "@/db/queries/review-setup";
import { getReviewDashboard } from "@/db/queries/reviews-organizer";
import { getEnv } from "@/lib/env";
import { formatUtcDateTime } from "@/lib/format";
import { guardPage } from "@/server/auth/guarded-handlers";
import { isEmailConfigured } from "@/server/email/send";
import { CompletionTable } from "./_components/completion-table";
import { ExchangeCard } from "./_components/exchange-card";
import { IdeaProgressTable, ReviewerProgressTable } from "./_components/progress-tables";
import { QualityFlagsTable } from "./_components/quality-flags-table";
import { ReassignForm } from "./_components/reassign-form";
import { RemindList } from "./_components/remind-list";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsDashboardPage({
  params,
}: PageProps<"/studies/[studyId]/manage/reviews">) {
  const { studyId } = await params;
  const { study } = await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const dashboard = getReviewDashboard({ studyId });
  const metrics = getReviewSetup({ studyId }).form.metrics.map((m) => m.key);
  const { totals, dueAt } = dashboard;
  const dueLabel = dueAt === null ? null : formatUtcDateTime(dueAt);
  const exchange = <ExchangeCard studyId={studyId} metrics={metrics} />;

  if (totals.assigned === 0) {
    return (
      <div className="space-y-6">
        <Card data-testid="reviews-empty">
          <CardTitle>Reviews</CardTitle>
          <p className="text-sm">
            No reviews are assigned yet. Run and publish the assignment on the{" "}
            <Link href={`/studies/${studyId}/manage/assignment`}>Assignment page</Link>; progress, reminders
            and quality flags appear here once reviewers have their queues. You can still import external
            reviews below.
          </p>
        </Card>
        {exchange}
      </div>
    );
  }

  const open = new Map(dashboard.toRemind.map((r) => [r.id, r.open]));
  const reviewers = listStudyReviewers({ studyId });
  const from = reviewers
    .filter((r) => open.has(r.id))
    .map((r) => ({ id: r.id, label: `${r.name} (${open.get(r.id)} open)` }));
  // Someone who withdrew from reviewing should not receive new reviews.
  const to = reviewers.filter((r) => !r.withdrawn).map((r) => ({ id: r.id, label: r.name }));
  const percent = Math.round((100 * totals.submitted) / totals.assigned);

  return (
    <div className="space-y-6">
      <p className="text-sm" data-testid="review-totals">
        <strong>
          {totals.submitted} of {totals.assigned}
        </strong>{" "}
        assigned reviews submitted ({percent}%): {totals.draft} in draft, {totals.notStarted} not started
        {totals.overdue > 0 ? `, ${totals.overdue} overdue` : ""}.{" "}
        {dueLabel ? `Reviews are due ${dueLabel}.` : "No review deadline is set."}
      </p>
      <div className="grid gap-6">
        <Card>
          <CardTitle>Progress per reviewer</CardTitle>
          <ReviewerProgressTable rows={dashboard.perReviewer} />
        </Card>
        <Card>
          <CardTitle>Progress per idea</CardTitle>
          <IdeaProgressTable rows={dashboard.perIdea} />
        </Card>
      </div>
      <Card>
        <CardTitle>Completion over time</CardTitle>
        {dashboard.completion.length === 0 ? (
          <p className="text-sm" data-testid="completion-table">
            No review submitted yet. Remind reviewers below; the curve starts with the first submission.
          </p>
        ) : (
          <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
            <CompletionChart data={dashboard.completion} assigned={totals.assigned} />
            <CompletionTable rows={dashboard.completion} assigned={totals.assigned} />
          </div>
        )}
      </Card>
      <Card>
        <CardTitle>Quality flags</CardTitle>
        <QualityFlagsTable
          studyId={studyId}
          rows={dashboard.flagged}
          minActiveSeconds={dashboard.minActiveSeconds}
        />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle>Whom to remind</CardTitle>
          <RemindList
            rows={dashboard.toRemind}
            studyId={studyId}
            studyTitle={study?.title ?? ""}
            appUrl={getEnv().APP_URL}
            dueLabel={dueLabel}
            emailEnabled={isEmailConfigured()}
          />
        </Card>
        <Card>
          <CardTitle>Reassign open reviews</CardTitle>
          <p className="mb-3 text-sm">
            Moves every review the first reviewer has not submitted to the second, one idea at a time. An idea
            stays where it is when the second reviewer could not have been given it: they wrote it, share the
            author&apos;s institution or are marked as conflicted, did not choose its topic, are at their max
            load, or already have it. Each idea kept is listed with its reason.
          </p>
          {from.length === 0 ? (
            <p className="text-sm" data-testid="reassign-form">
              No reviewer has open reviews to move.
            </p>
          ) : (
            <ReassignForm studyId={studyId} from={from} to={to} />
          )}
        </Card>
      </div>
      {exchange}
    </div>
  );
}
