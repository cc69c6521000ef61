import "server-only";
import { eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { type ReviewAnswers, validateAnswers } from "@/lib/reviews/answers";
import { DEFAULT_REVIEW_FORM } from "@/lib/reviews/form";
import { DEFAULT_REVIEW_SETTINGS } from "@/lib/studies/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { preparedOnce } from "../prepared";
import { assignments, reviews, studies } from "../schema";
import { lockInReviewForm } from "./review-setup";
import {
  ASSIGNMENT_PLACEHOLDERS,
  loadOwnAssignment,
  ownPublishedAssignment,
  readOnlyReason,
} from "./reviews-reviewer";

// The reviewer's writes: draft saves, submits and active time, each on the caller's own published
// assignment (readSaveState, loadOwnAssignment), idempotent under a per-save key, in one immediate
// transaction.

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
  // Every problem at once; each message names its metric by the form's label.
  const messages = Object.values(errors);
  return new AppError("invalid:review", messages.join(" ") || "The review is not valid.", {
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

// Everything a save decides on, in one prepared statement inside the save's transaction: the
// caller's own published assignment (the WHERE is the authorization), the study's phase, review form
// and settings, and the stored review of this assignment if there is one.
const saveStateQuery = preparedOnce((db) =>
  db
    .select({
      id: assignments.id,
      ideaId: assignments.ideaId,
      studyStatus: studies.status,
      form: studies.reviewForm,
      settings: studies.reviewSettings,
      reviewId: reviews.id,
      status: reviews.status,
      answers: reviews.answers,
      version: reviews.version,
      submittedAt: reviews.submittedAt,
      firstSubmittedAt: reviews.firstSubmittedAt,
      updatedAt: reviews.updatedAt,
      lastSaveId: reviews.lastSaveId,
    })
    .from(assignments)
    .innerJoin(studies, eq(studies.id, assignments.studyId))
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(ownPublishedAssignment(ASSIGNMENT_PLACEHOLDERS))
    .prepare(),
);

function readSaveState({
  studyId,
  assignmentId,
  userId,
}: Pick<SaveInput, "studyId" | "assignmentId" | "userId">) {
  const row = saveStateQuery().get({ studyId, assignmentId, userId });
  if (!row) throw new AppError("not_found:assignment", "This review assignment does not exist.");
  const existing =
    row.reviewId !== null &&
    row.status !== null &&
    row.answers !== null &&
    row.version !== null &&
    row.updatedAt !== null
      ? {
          id: row.reviewId,
          status: row.status,
          answers: row.answers,
          version: row.version,
          submittedAt: row.submittedAt,
          firstSubmittedAt: row.firstSubmittedAt,
          updatedAt: row.updatedAt,
          lastSaveId: row.lastSaveId,
        }
      : undefined;
  return {
    own: { id: row.id, ideaId: row.ideaId, studyStatus: row.studyStatus },
    form: row.form ?? DEFAULT_REVIEW_FORM,
    attestationText: { ...DEFAULT_REVIEW_SETTINGS, ...row.settings }.attestationText,
    existing,
  };
}

/** A review as its editor opens it: null before the first save. */
export type StoredReview = {
  status: "draft" | "submitted";
  answers: ReviewAnswers;
  version: number;
  submittedAt: number | null;
};

/**
 * The caller's review on their own published assignment, which the review editor loads when it opens
 * (the page itself does not carry it, so a rendered page stays the same across autosaves). Someone
 * else's assignment, or an unpublished one, is "not found".
 */
export function getOwnReview(input: {
  studyId: string;
  assignmentId: string;
  userId: string;
}): StoredReview | null {
  return withDbErrors(() => {
    const { existing } = readSaveState(input);
    return existing
      ? {
          status: existing.status,
          answers: existing.answers,
          version: existing.version,
          submittedAt: existing.submittedAt,
        }
      : null;
  });
}

// The write of every autosave after the first, prepared once (db/prepared.ts).
const updateReviewQuery = preparedOnce((db) => {
  const p = (name: string) => sql`${sql.placeholder(name)}`;
  return db
    .update(reviews)
    .set({
      status: p("status"),
      answers: p("answers"),
      version: p("version"),
      lastSaveId: p("lastSaveId"),
      activeSeconds: sql`${reviews.activeSeconds} + ${sql.placeholder("addSeconds")}`,
      submittedAt: p("submittedAt"),
      firstSubmittedAt: p("firstSubmittedAt"),
      updatedAt: p("updatedAt"),
    })
    .where(eq(reviews.id, sql.placeholder("id")))
    .prepare();
});

function writeReview(input: SaveInput, mode: "draft" | "submit"): SaveResult {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const { own, form, attestationText, existing } = readSaveState(input);
        const blocked = readOnlyReason(own.studyStatus);
        if (blocked) throw new AppError("conflict:phase", blocked);
        const checked = validateAnswers(form, input.answers, {
          mode,
          attestationRequired: attestationText !== null,
        });
        if (!checked.ok) throw invalidReview(checked.errors);
        const answers: ReviewAnswers = checked.answers;
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
        updateReviewQuery().run({
          id: existing.id,
          status,
          answers: JSON.stringify(answers), // what the json column's encoder writes
          version: existing.version + 1,
          lastSaveId: input.saveId ?? null,
          addSeconds: ownRetry ? 0 : active,
          submittedAt: submitted ? now : existing.submittedAt,
          firstSubmittedAt: existing.firstSubmittedAt ?? (submitted ? now : null),
          updatedAt: now,
        });
        return { version: existing.version + 1, status, savedAt: now };
      },
      { behavior: "immediate" },
    ),
  );
}

function sqlAdd(seconds: number) {
  return sql`${reviews.activeSeconds} + ${seconds}`;
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
