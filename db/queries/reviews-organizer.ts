import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { formatUtcDate } from "@/lib/format";
import { type QualityFlag, qualityFlags } from "@/lib/reviews/quality";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { assignments, conditions, ideas, reviews, studies, topics, users } from "../schema";
import { readReviewSetup } from "./review-setup";
import { logEvent } from "./study-shared";

// The organizer's view of reviewing: progress per idea and per reviewer, completion over time,
// quality flags and whom to remind. Organizer-only: it names reviewers and conditions.

export type ProgressCounts = {
  assigned: number;
  notStarted: number;
  draft: number;
  submitted: number;
  overdue: number;
};

export type ReviewDashboard = {
  dueAt: number | null;
  totals: ProgressCounts;
  perIdea: ({ code: string; topic: string; condition: string } & ProgressCounts)[];
  perReviewer: ({ id: string; name: string; email: string; flagged: number } & ProgressCounts)[];
  /** Cumulative submitted reviews per day (UTC), from the first submission on. */
  completion: { day: string; submitted: number }[];
  flagged: {
    reviewId: string;
    ideaId: string;
    reviewerName: string;
    ideaCode: string;
    flags: QualityFlag[];
    activeSeconds: number;
  }[];
  /** Reviewers with open assignments: whom to remind. */
  toRemind: { id: string; name: string; email: string; open: number; overdue: number }[];
  minActiveSeconds: number;
};

const zero = (): ProgressCounts => ({ assigned: 0, notStarted: 0, draft: 0, submitted: 0, overdue: 0 });

export function getReviewDashboard({
  studyId,
  now = Date.now(),
}: {
  studyId: string;
  now?: number;
}): ReviewDashboard {
  return withDbErrors(() => {
    const db = getDb();
    const setup = readReviewSetup(db, studyId);
    const study = db
      .select({ phaseDates: studies.phaseDates })
      .from(studies)
      .where(eq(studies.id, studyId))
      .get();
    const dueAt = study?.phaseDates.reviewing?.closesAt ?? null;
    const rows = db
      .select({
        ideaId: ideas.id,
        code: ideas.code,
        topic: topics.name,
        condition: conditions.key,
        reviewerId: users.id,
        reviewerName: users.name,
        reviewerEmail: users.email,
        reviewId: reviews.id,
        status: reviews.status,
        answers: reviews.answers,
        activeSeconds: reviews.activeSeconds,
        firstSubmittedAt: reviews.firstSubmittedAt,
      })
      .from(assignments)
      .innerJoin(ideas, eq(ideas.id, assignments.ideaId))
      .innerJoin(topics, eq(topics.id, ideas.topicId))
      .innerJoin(conditions, eq(conditions.id, ideas.conditionId))
      .innerJoin(users, eq(users.id, assignments.reviewerId))
      .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
      .where(and(eq(assignments.studyId, studyId), eq(assignments.state, "published")))
      .orderBy(asc(ideas.code), asc(users.name))
      .all();

    const totals = zero();
    const perIdea = new Map<string, ReviewDashboard["perIdea"][number]>();
    const perReviewer = new Map<string, ReviewDashboard["perReviewer"][number]>();
    const flagged: ReviewDashboard["flagged"] = [];
    const submittedTimes: number[] = [];
    for (const r of rows) {
      const idea = perIdea.get(r.ideaId) ?? {
        code: r.code,
        topic: r.topic,
        condition: r.condition,
        ...zero(),
      };
      const reviewer = perReviewer.get(r.reviewerId) ?? {
        id: r.reviewerId,
        name: r.reviewerName,
        email: r.reviewerEmail,
        flagged: 0,
        ...zero(),
      };
      const state = r.status ?? "not_started";
      const overdue = state !== "submitted" && dueAt !== null && now > dueAt;
      for (const counts of [totals, idea, reviewer]) {
        counts.assigned += 1;
        if (state === "submitted") counts.submitted += 1;
        else if (state === "draft") counts.draft += 1;
        else counts.notStarted += 1;
        if (overdue) counts.overdue += 1;
      }
      if (state === "submitted" && r.answers) {
        if (r.firstSubmittedAt !== null) submittedTimes.push(r.firstSubmittedAt);
        const flags = qualityFlags(setup.form, r.answers, r.activeSeconds ?? 0, {
          minActiveSeconds: setup.settings.minActiveSeconds,
        });
        if (flags.length > 0) {
          reviewer.flagged += 1;
          flagged.push({
            reviewId: r.reviewId ?? "",
            ideaId: r.ideaId,
            reviewerName: r.reviewerName,
            ideaCode: r.code,
            flags,
            activeSeconds: r.activeSeconds ?? 0,
          });
        }
      }
      perIdea.set(r.ideaId, idea);
      perReviewer.set(r.reviewerId, reviewer);
    }

    submittedTimes.sort((a, b) => a - b);
    const completion: ReviewDashboard["completion"] = [];
    submittedTimes.forEach((t, i) => {
      const day = formatUtcDate(t);
      const last = completion.at(-1);
      if (last && last.day === day) last.submitted = i + 1;
      else completion.push({ day, submitted: i + 1 });
    });

    const reviewerList = [...perReviewer.values()].sort((a, b) => a.name.localeCompare(b.name));
    return {
      dueAt,
      totals,
      perIdea: [...perIdea.values()],
      perReviewer: reviewerList,
      completion,
      flagged,
      toRemind: reviewerList
        .filter((r) => r.assigned > r.submitted)
        .map((r) => ({
          id: r.id,
          name: r.name,
          email: r.email,
          open: r.assigned - r.submitted,
          overdue: r.overdue,
        })),
      minActiveSeconds: setup.settings.minActiveSeconds,
    };
  });
}

/** Whether any review was submitted (or imported): the results and exports have something to show. */
export function hasSubmittedReviews({ studyId }: { studyId: string }): boolean {
  return withDbErrors(
    () =>
      getDb()
        .select({ id: reviews.id })
        .from(reviews)
        .where(and(eq(reviews.studyId, studyId), eq(reviews.status, "submitted")))
        .get() !== undefined,
  );
}

/** Records that a reminder email went out, in the study's audit trail. */
export function logReminder({
  studyId,
  actorId,
  reviewerId,
}: {
  studyId: string;
  actorId: string;
  reviewerId: string;
}) {
  withDbErrors(() => logEvent(getDb(), { studyId, actorId, kind: "reminder_sent", detail: { reviewerId } }));
}
