import "server-only";
import { and, asc, eq, isNotNull, isNull, ne, or, type SQLWrapper, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getStudyTemplate } from "@/lib/ideas/template";
import type { ReviewAnswers } from "@/lib/reviews/answers";
import { DEFAULT_REVIEW_FORM, type ReviewForm } from "@/lib/reviews/form";
import { isReviewingOpen } from "@/lib/studies/phase-change";
import { DEFAULT_REVIEW_SETTINGS, type StudyStatus } from "@/lib/studies/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { preparedOnce } from "../prepared";
import { assignments, ideas, reviews, studies, topics } from "../schema";
import {
  type BlindIdea,
  type BlindQueueItem,
  chosenReviewText,
  reviewSections,
  reviewTextColumns,
} from "./blind-policy";
import type { Executor } from "./study-shared";

// The reviewer's side. Everything here returns BLIND view types (blind-policy.ts): an idea appears only
// as its random code, its topic and the text chosen in normalization. No author, condition, provenance, internal
// idea id or other reviewer ever leaves these functions, and every read is filtered by the caller's
// own published assignment, so another reviewer's assignment id is simply not found (404).

export type BlindReviewPage = {
  assignmentId: string;
  idea: BlindIdea;
  form: ReviewForm;
  attestationText: string | null;
  dueAt: number | null;
  review: {
    status: "draft" | "submitted";
    answers: ReviewAnswers;
    version: number;
    submittedAt: number | null;
  } | null;
  /** Null when the reviewer may save; otherwise why not (before or after the review phase). */
  readOnlyReason: string | null;
  /** Other reviewers' submitted reviews (anonymous), once the study closed and if the organizer allows. */
  others: OtherReview[] | null;
};

function dueDate(phaseDates: Record<string, { closesAt?: number | null } | undefined>): number | null {
  return phaseDates.reviewing?.closesAt ?? null;
}

export function readOnlyReason(status: StudyStatus): string | null {
  // Reviewing stays open while the arena runs; only closing the study ends it.
  if (isReviewingOpen(status)) return null;
  if (status === "closed") return "The review phase has closed; reviews can no longer change.";
  return "Reviewing has not started yet: you can read the idea, and write once the organizer opens the review phase.";
}

export function listMyAssignments({
  studyId,
  userId,
}: {
  studyId: string;
  userId: string;
}): BlindQueueItem[] {
  return withDbErrors(() => {
    const db = getDb();
    const study = db
      .select({ phaseDates: studies.phaseDates })
      .from(studies)
      .where(eq(studies.id, studyId))
      .get();
    const rows = db
      .select({
        assignmentId: assignments.id,
        code: ideas.code,
        topic: topics.name,
        reviewStatus: reviews.status,
      })
      .from(assignments)
      .innerJoin(ideas, eq(ideas.id, assignments.ideaId))
      .innerJoin(topics, eq(topics.id, ideas.topicId))
      .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
      .where(
        and(
          eq(assignments.studyId, studyId),
          eq(assignments.reviewerId, userId),
          eq(assignments.state, "published"),
        ),
      )
      // Codes are random, so this order says nothing about where an idea came from.
      .orderBy(asc(ideas.code))
      .all();
    const due = study ? dueDate(study.phaseDates) : null;
    return rows.map((r) => ({
      assignmentId: r.assignmentId,
      code: r.code,
      topic: r.topic,
      state: r.reviewStatus ?? "not_started",
      dueAt: due,
    }));
  });
}

type OwnAssignment = { id: string; ideaId: string; studyStatus: StudyStatus };

type AssignmentKey = {
  studyId: SQLWrapper | string;
  assignmentId: SQLWrapper | string;
  userId: SQLWrapper | string;
};

/**
 * The authorization of every reviewer read and write: the assignment is the caller's own, in this
 * study, and published. Values, or placeholders for a prepared statement.
 */
export function ownPublishedAssignment({ studyId, assignmentId, userId }: AssignmentKey) {
  return and(
    eq(assignments.id, assignmentId),
    eq(assignments.studyId, studyId),
    eq(assignments.reviewerId, userId),
    eq(assignments.state, "published"),
  );
}

/** ownPublishedAssignment's parameters in a prepared statement, named as the callers pass them. */
export const ASSIGNMENT_PLACEHOLDERS: AssignmentKey = {
  studyId: sql.placeholder("studyId"),
  assignmentId: sql.placeholder("assignmentId"),
  userId: sql.placeholder("userId"),
};

export function loadOwnAssignment(
  ex: Executor,
  studyId: string,
  assignmentId: string,
  userId: string,
): OwnAssignment {
  const row = ex
    .select({ id: assignments.id, ideaId: assignments.ideaId, studyStatus: studies.status })
    .from(assignments)
    .innerJoin(studies, eq(studies.id, assignments.studyId))
    .where(ownPublishedAssignment({ studyId, assignmentId, userId }))
    .get();
  if (!row) throw new AppError("not_found:assignment", "This review assignment does not exist.");
  return row;
}

// The review page in one prepared statement: the caller's own published assignment (the WHERE is the
// authorization), the study's phase, form and settings, the idea's blind text and the caller's review.
const reviewPageQuery = preparedOnce((db) =>
  db
    .select({
      ideaId: assignments.ideaId,
      studyStatus: studies.status,
      form: studies.reviewForm,
      settings: studies.reviewSettings,
      phaseDates: studies.phaseDates,
      template: studies.ideaTemplate,
      code: ideas.code,
      topic: topics.name,
      ...reviewTextColumns,
      reviewStatus: reviews.status,
      reviewAnswers: reviews.answers,
      reviewVersion: reviews.version,
      reviewSubmittedAt: reviews.submittedAt,
    })
    .from(assignments)
    .innerJoin(studies, eq(studies.id, assignments.studyId))
    .innerJoin(ideas, and(eq(ideas.id, assignments.ideaId), eq(ideas.studyId, assignments.studyId)))
    .innerJoin(topics, eq(topics.id, ideas.topicId))
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(ownPublishedAssignment(ASSIGNMENT_PLACEHOLDERS))
    .prepare(),
);

type ReviewPageRow = NonNullable<ReturnType<ReturnType<typeof reviewPageQuery>["get"]>>;

function readReviewPageRow(studyId: string, assignmentId: string, userId: string): ReviewPageRow {
  const row = reviewPageQuery().get({ studyId, assignmentId, userId });
  if (!row) throw new AppError("not_found:assignment", "This review assignment does not exist.");
  return row;
}

export function getReviewPage({
  studyId,
  assignmentId,
  userId,
}: {
  studyId: string;
  assignmentId: string;
  userId: string;
}): BlindReviewPage {
  return withDbErrors(() => {
    const row = readReviewPageRow(studyId, assignmentId, userId);
    const settings = { ...DEFAULT_REVIEW_SETTINGS, ...row.settings };
    const sections = reviewSections(getStudyTemplate({ ideaTemplate: row.template }), chosenReviewText(row));
    return {
      assignmentId,
      idea: { code: row.code, topic: row.topic, sections },
      form: row.form ?? DEFAULT_REVIEW_FORM,
      attestationText: settings.attestationText,
      dueAt: dueDate(row.phaseDates),
      review:
        row.reviewStatus !== null && row.reviewAnswers !== null && row.reviewVersion !== null
          ? {
              status: row.reviewStatus,
              answers: row.reviewAnswers,
              version: row.reviewVersion,
              submittedAt: row.reviewSubmittedAt,
            }
          : null,
      readOnlyReason: readOnlyReason(row.studyStatus),
      others: readOtherReviews(row, studyId, assignmentId, settings.showOtherReviewsAfterClose),
    };
  });
}

export type OtherReview = { label: string; answers: ReviewAnswers };

/**
 * After the review phase, other submitted reviews of the same idea, when the organizer allows it.
 * Reviewers stay anonymous ("Review 1", …), ordered by the reviews' random ids.
 */
function readOtherReviews(
  own: { ideaId: string; studyStatus: StudyStatus },
  studyId: string,
  assignmentId: string,
  allowed: boolean,
): OtherReview[] | null {
  if (!allowed || own.studyStatus !== "closed") return null;
  return getDb()
    .select({ id: reviews.id, answers: reviews.answers })
    .from(reviews)
    .where(
      and(
        eq(reviews.ideaId, own.ideaId),
        eq(reviews.studyId, studyId),
        isNotNull(reviews.submittedAt),
        or(isNull(reviews.assignmentId), ne(reviews.assignmentId, assignmentId)),
      ),
    )
    .orderBy(asc(reviews.id))
    .all()
    .map((r, i) => ({ label: `Review ${i + 1}`, answers: r.answers }));
}

/** The other reviews alone (the page gets them in getReviewPage's `others`). */
export function getOtherReviews({
  studyId,
  assignmentId,
  userId,
}: {
  studyId: string;
  assignmentId: string;
  userId: string;
}): OtherReview[] | null {
  return getReviewPage({ studyId, assignmentId, userId }).others;
}
