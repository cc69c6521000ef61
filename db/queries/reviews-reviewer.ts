import "server-only";
import { and, asc, eq, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getStudyTemplate } from "@/lib/ideas/template";
import { type ReviewAnswers, validateAnswers } from "@/lib/reviews/answers";
import type { ReviewForm } from "@/lib/reviews/form";
import { isReviewingOpen } from "@/lib/studies/phase-change";
import type { StudyStatus } from "@/lib/studies/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { assignments, ideas, reviews, studies, topics } from "../schema";
import {
  type BlindIdea,
  type BlindQueueItem,
  chosenReviewText,
  reviewSections,
  reviewTextColumns,
} from "./blind-policy";
import { lockInReviewForm, readReviewSetup } from "./review-setup";
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
};

function dueDate(phaseDates: Record<string, { closesAt?: number | null } | undefined>): number | null {
  return phaseDates.reviewing?.closesAt ?? null;
}

function readOnlyReason(status: StudyStatus): string | null {
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

function loadOwnAssignment(
  ex: Executor,
  studyId: string,
  assignmentId: string,
  userId: string,
): OwnAssignment {
  const row = ex
    .select({ id: assignments.id, ideaId: assignments.ideaId, studyStatus: studies.status })
    .from(assignments)
    .innerJoin(studies, eq(studies.id, assignments.studyId))
    .where(
      and(
        eq(assignments.id, assignmentId),
        eq(assignments.studyId, studyId),
        eq(assignments.reviewerId, userId),
        eq(assignments.state, "published"),
      ),
    )
    .get();
  if (!row) throw new AppError("not_found:assignment", "This review assignment does not exist.");
  return row;
}

function readBlindIdea(ex: Executor, studyId: string, ideaId: string): BlindIdea {
  const row = ex
    .select({
      code: ideas.code,
      topic: topics.name,
      ...reviewTextColumns,
      template: studies.ideaTemplate,
    })
    .from(ideas)
    .innerJoin(topics, eq(topics.id, ideas.topicId))
    .innerJoin(studies, eq(studies.id, ideas.studyId))
    .where(and(eq(ideas.id, ideaId), eq(ideas.studyId, studyId)))
    .get();
  if (!row) throw new AppError("not_found:assignment", "This review assignment does not exist.");
  const sections = reviewSections(getStudyTemplate({ ideaTemplate: row.template }), chosenReviewText(row));
  return { code: row.code, topic: row.topic, sections };
}

function readOwnReview(ex: Executor, assignmentId: string) {
  return ex
    .select({
      id: reviews.id,
      status: reviews.status,
      answers: reviews.answers,
      version: reviews.version,
      submittedAt: reviews.submittedAt,
      firstSubmittedAt: reviews.firstSubmittedAt,
      updatedAt: reviews.updatedAt,
      lastSaveId: reviews.lastSaveId,
    })
    .from(reviews)
    .where(eq(reviews.assignmentId, assignmentId))
    .get();
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
    const db = getDb();
    const own = loadOwnAssignment(db, studyId, assignmentId, userId);
    const setup = readReviewSetup(db, studyId);
    const study = db
      .select({ phaseDates: studies.phaseDates })
      .from(studies)
      .where(eq(studies.id, studyId))
      .get();
    const review = readOwnReview(db, assignmentId);
    return {
      assignmentId,
      idea: readBlindIdea(db, studyId, own.ideaId),
      form: setup.form,
      attestationText: setup.settings.attestationText,
      dueAt: study ? dueDate(study.phaseDates) : null,
      review: review
        ? {
            status: review.status,
            answers: review.answers,
            version: review.version,
            submittedAt: review.submittedAt,
          }
        : null,
      readOnlyReason: readOnlyReason(own.studyStatus),
    };
  });
}

export type SaveInput = {
  studyId: string;
  assignmentId: string;
  userId: string;
  answers: unknown;
  /** The version the client started from; 0 when no review row exists yet. */
  version: number;
  /** Active seconds on the page since the last save. */
  activeSeconds: number;
  /**
   * Idempotency key: the client keeps one per unacknowledged save and sends it again on every retry
   * until a save is acknowledged. A stored version written under the same key is the client's own.
   */
  saveId?: string;
};

export type SaveResult = { version: number; status: "draft" | "submitted"; savedAt: number };

const ACTIVE_CAP = 3600; // one save can add at most an hour, so a forged number cannot inflate much

function invalidReview(errors: Record<string, string>): AppError {
  const messages = Object.values(errors);
  return new AppError("invalid:review", messages[0] ?? "The review is not valid.", {
    fieldErrors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]])),
  });
}

function stable(answers: ReviewAnswers | ReviewAnswers): string {
  const sortKeys = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({
    scores: sortKeys(answers.scores),
    rationales: sortKeys(answers.rationales),
    confidence: answers.confidence,
    familiarity: answers.familiarity,
    minutes: answers.minutes,
    attested: answers.attested,
  });
}

/** Autosave of a draft. A submitted review is changed only by submitting again (full validation). */
export function saveReviewDraft(input: SaveInput): SaveResult {
  return writeReview(input, "draft");
}

/**
 * Submits (or, after a first submit, updates) a review. Idempotent: a repeated submit of the same
 * answers returns the stored result instead of failing on the version it already advanced.
 */
export function submitReview(input: SaveInput): SaveResult {
  return writeReview(input, "submit");
}

function writeReview(input: SaveInput, mode: "draft" | "submit"): SaveResult {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const own = loadOwnAssignment(tx, input.studyId, input.assignmentId, input.userId);
        const blocked = readOnlyReason(own.studyStatus);
        if (blocked) throw new AppError("conflict:phase", blocked);
        const setup = readReviewSetup(tx, input.studyId);
        const checked = validateAnswers(setup.form, input.answers, {
          mode,
          attestationRequired: setup.settings.attestationText !== null,
        });
        if (!checked.ok) throw invalidReview(checked.errors);
        const answers: ReviewAnswers = checked.answers;
        const existing = readOwnReview(tx, input.assignmentId);
        const now = Date.now();
        const active = Math.max(0, Math.min(ACTIVE_CAP, Math.floor(input.activeSeconds) || 0));

        if (
          existing &&
          existing.status === "submitted" &&
          mode === "submit" &&
          stable(existing.answers) === stable(answers)
        ) {
          if (active > 0) {
            tx.update(reviews)
              .set({ activeSeconds: sqlAdd(active) })
              .where(eq(reviews.id, existing.id))
              .run();
          }
          return { version: existing.version, status: "submitted", savedAt: existing.submittedAt ?? now };
        }
        // A save committed just before a crash was never acknowledged, so the client retries from the
        // older version: the same text again, or the stored version written under this save's key,
        // is the client's own write, not another tab's.
        const ownRetry = input.saveId !== undefined && existing?.lastSaveId === input.saveId;
        if (
          existing &&
          existing.status === "draft" &&
          mode === "draft" &&
          stable(existing.answers) === stable(answers)
        ) {
          if (active > 0 && !ownRetry) {
            tx.update(reviews)
              .set({ activeSeconds: sqlAdd(active) })
              .where(eq(reviews.id, existing.id))
              .run();
          }
          return { version: existing.version, status: "draft", savedAt: existing.updatedAt };
        }
        if ((existing?.version ?? 0) !== input.version && !ownRetry) {
          throw new AppError(
            "conflict:review_version",
            "This review was changed in another tab or window. Reload the page to see the latest version; copy anything you want to keep first.",
          );
        }
        if (existing?.status === "submitted" && mode === "draft") {
          throw new AppError(
            "conflict:review_submitted",
            "This review is already submitted: use “Update review” to change it.",
          );
        }
        const submitted = mode === "submit";
        if (submitted) lockInReviewForm(tx, input.studyId);
        const status = submitted ? "submitted" : "draft";
        if (!existing) {
          tx.insert(reviews)
            .values({
              studyId: input.studyId,
              ideaId: own.ideaId,
              assignmentId: own.id,
              reviewerId: input.userId,
              status,
              answers,
              version: 1,
              activeSeconds: active,
              lastSaveId: input.saveId ?? null,
              firstSubmittedAt: submitted ? now : null,
              submittedAt: submitted ? now : null,
              createdAt: now,
              updatedAt: now,
            })
            .run();
          return { version: 1, status, savedAt: now };
        }
        tx.update(reviews)
          .set({
            status,
            answers,
            version: existing.version + 1,
            lastSaveId: input.saveId ?? null,
            activeSeconds: sqlAdd(ownRetry ? 0 : active),
            submittedAt: submitted ? now : existing.submittedAt,
            firstSubmittedAt: existing.firstSubmittedAt ?? (submitted ? now : null),
            updatedAt: now,
          })
          .where(eq(reviews.id, existing.id))
          .run();
        return { version: existing.version + 1, status, savedAt: now };
      },
      { behavior: "immediate" },
    ),
  );
}

function sqlAdd(seconds: number) {
  return sql`${reviews.activeSeconds} + ${seconds}`;
}

export type OtherReview = { label: string; answers: ReviewAnswers };

/**
 * After the review phase, other submitted reviews of the same idea, when the organizer allows it.
 * Reviewers stay anonymous ("Review 1", …), ordered by the reviews' random ids.
 */
export function getOtherReviews({
  studyId,
  assignmentId,
  userId,
}: {
  studyId: string;
  assignmentId: string;
  userId: string;
}): OtherReview[] | null {
  return withDbErrors(() => {
    const db = getDb();
    const own = loadOwnAssignment(db, studyId, assignmentId, userId);
    const { settings } = readReviewSetup(db, studyId);
    if (!settings.showOtherReviewsAfterClose) return null;
    if (own.studyStatus !== "closed") return null;
    return db
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
  });
}

/** Adds active seconds without changing answers (the page was used but nothing new to save). */
export function recordActiveTime({
  studyId,
  assignmentId,
  userId,
  activeSeconds,
}: {
  studyId: string;
  assignmentId: string;
  userId: string;
  activeSeconds: number;
}): boolean {
  const seconds = Math.max(0, Math.min(ACTIVE_CAP, Math.floor(activeSeconds) || 0));
  return withDbErrors(() =>
    getDb().transaction((tx) => {
      const own = loadOwnAssignment(tx, studyId, assignmentId, userId);
      if (readOnlyReason(own.studyStatus) !== null || seconds === 0) return false;
      const result = tx
        .update(reviews)
        .set({ activeSeconds: sqlAdd(seconds) })
        .where(eq(reviews.assignmentId, own.id))
        .run();
      return result.changes > 0;
    }),
  );
}
