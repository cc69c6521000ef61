import "server-only";
import { and, eq } from "drizzle-orm";
import type { ReviewAnswers } from "@/lib/reviews/answers";
import type { ReviewForm } from "@/lib/reviews/form";
import { type QualityFlag, qualityFlags } from "@/lib/reviews/quality";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { ideas, reviews, users } from "../schema";
import { readReviewSetup } from "./review-setup";

// One review as its organizer sees it: who wrote it, every answer and rationale, active time and the
// quality flags the dashboard shows. Organizer-only (names the reviewer).

export type ReviewRecord = {
  id: string;
  ideaId: string;
  ideaCode: string;
  ideaTitle: string;
  reviewerName: string | null;
  status: "draft" | "submitted";
  answers: ReviewAnswers;
  activeSeconds: number;
  submittedAt: number | null;
  imported: boolean;
  flags: QualityFlag[];
  form: ReviewForm;
};

/** The review within its study; undefined when there is none. */
export function getReviewRecord({
  studyId,
  reviewId,
}: {
  studyId: string;
  reviewId: string;
}): ReviewRecord | undefined {
  return withDbErrors(() => {
    const db = getDb();
    const row = db
      .select({
        id: reviews.id,
        ideaId: reviews.ideaId,
        ideaCode: ideas.code,
        ideaFields: ideas.fields,
        reviewerName: users.name,
        status: reviews.status,
        answers: reviews.answers,
        activeSeconds: reviews.activeSeconds,
        submittedAt: reviews.submittedAt,
        importId: reviews.importId,
      })
      .from(reviews)
      .innerJoin(ideas, eq(ideas.id, reviews.ideaId))
      .leftJoin(users, eq(users.id, reviews.reviewerId))
      .where(and(eq(reviews.studyId, studyId), eq(reviews.id, reviewId)))
      .get();
    if (!row) return undefined;
    const { form, settings } = readReviewSetup(db, studyId);
    const { ideaFields, importId, ...rest } = row;
    return {
      ...rest,
      ideaTitle: ideaFields.title ?? "",
      imported: importId !== null,
      flags:
        row.status === "submitted"
          ? qualityFlags(form, row.answers, row.activeSeconds, {
              minActiveSeconds: settings.minActiveSeconds,
            })
          : [],
      form,
    };
  });
}
