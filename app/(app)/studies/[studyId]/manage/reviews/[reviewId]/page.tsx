import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { getReviewRecord } from "@/db/queries/review-record";
import { QUALITY_FLAG_LABELS } from "@/lib/reviews/quality";
import { guardPage } from "@/server/auth/guarded-handlers";
import { formatActiveTime } from "../_components/quality-flags-table";

export const metadata: Metadata = { title: "Review" };

/** One review for its organizer: answers, rationales, active time and quality flags. */
export default async function OrganizerReviewPage({
  params,
}: PageProps<"/studies/[studyId]/manage/reviews/[reviewId]">) {
  const { studyId, reviewId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const review = /^[0-9a-f-]{36}$/.test(reviewId) ? getReviewRecord({ studyId, reviewId }) : undefined;
  if (!review) notFound();
  const { answers } = review;
  return (
    <div className="space-y-6" data-testid="organizer-review">
      <p className="text-sm">
        <Link href={`/studies/${studyId}/manage/reviews`}>← Reviews</Link>
      </p>
      <h1 className="text-xl font-semibold">
        Review of{" "}
        <Link href={`/studies/${studyId}/manage/ideas/${review.ideaId}`} className="font-mono">
          {review.ideaCode}
        </Link>{" "}
        by {review.reviewerName ?? "an imported reviewer"}
      </h1>
      <Card>
        <p className="text-sm" data-testid="review-summary">
          {review.status === "submitted" ? "Submitted" : "Draft"}
          {review.submittedAt
            ? ` ${new Date(review.submittedAt).toISOString().slice(0, 16).replace("T", " ")} UTC`
            : ""}
          {review.imported ? " (imported)" : ""} · active time {formatActiveTime(review.activeSeconds)} ·
          confidence {answers.confidence ?? "–"} · familiarity {answers.familiarity ?? "–"} · about{" "}
          {answers.minutes ?? "–"} minutes
          {answers.attested ? " · attested" : ""}
        </p>
        {review.flags.length > 0 ? (
          <p className="mt-2 flex flex-wrap gap-2" data-testid="review-flags">
            {review.flags.map((f) => (
              <Badge key={f} tone="demo">
                {QUALITY_FLAG_LABELS[f]}
              </Badge>
            ))}
          </p>
        ) : null}
      </Card>
      {review.form.metrics.map((m) => (
        <Card key={m.key}>
          <CardTitle>
            {m.label}: {answers.scores[m.key] ?? "–"} / {m.scale.max}
          </CardTitle>
          <p className="whitespace-pre-wrap text-sm" data-testid={`rationale-${m.key}`}>
            {answers.rationales[m.key] || "(no rationale)"}
          </p>
        </Card>
      ))}
    </div>
  );
}
