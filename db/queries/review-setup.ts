import "server-only";
import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { DEFAULT_REVIEW_FORM, type ReviewForm } from "@/lib/reviews/form";
import { parseReviewForm } from "@/lib/reviews/form-parse";
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from "@/lib/studies/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { reviews, studies } from "../schema";
import { type Executor, loadStudy, logEvent, parse } from "./study-shared";

// The review form and review settings of a study. The form may change until the first review is
// submitted (or imported); after that a changed form would make reviews incomparable, so it locks.

export type ReviewSetup = {
  form: ReviewForm;
  /** True while the study stores no form of its own (the default is stored when reviewing starts). */
  formIsDefault: boolean;
  /** Why the form can no longer change, or null while it can. */
  lockedReason: string | null;
  settings: ReviewSettings;
};

export function countSubmittedReviews(ex: Executor, studyId: string): number {
  return (
    ex
      .select({ n: count() })
      .from(reviews)
      .where(and(eq(reviews.studyId, studyId), eq(reviews.status, "submitted")))
      .get()?.n ?? 0
  );
}

function lockReason(ex: Executor, studyId: string): string | null {
  const n = countSubmittedReviews(ex, studyId);
  if (n === 0) return null;
  return `The form is locked: ${n === 1 ? "a review has" : `${n} reviews have`} been submitted or imported, and a changed form would make reviews incomparable.`;
}

export function readReviewSetup(ex: Executor, studyId: string): ReviewSetup {
  const row = ex
    .select({ form: studies.reviewForm, settings: studies.reviewSettings })
    .from(studies)
    .where(eq(studies.id, studyId))
    .get();
  if (!row) throw new AppError("not_found:study", "This study does not exist.");
  return {
    form: row.form ?? DEFAULT_REVIEW_FORM,
    formIsDefault: row.form === null,
    lockedReason: lockReason(ex, studyId),
    settings: { ...DEFAULT_REVIEW_SETTINGS, ...row.settings },
  };
}

export function getReviewSetup({ studyId }: { studyId: string }): ReviewSetup {
  return withDbErrors(() => readReviewSetup(getDb(), studyId));
}

/** Stores the default form if the organizer never saved one, so later default changes cannot alter it. */
export function lockInReviewForm(ex: Executor, studyId: string): ReviewForm {
  const setup = readReviewSetup(ex, studyId);
  if (setup.formIsDefault) {
    ex.update(studies).set({ reviewForm: setup.form }).where(eq(studies.id, studyId)).run();
  }
  return setup.form;
}

export function updateReviewForm({
  studyId,
  actorId,
  form,
}: {
  studyId: string;
  actorId: string;
  form: unknown;
}): ReviewForm {
  const parsed = parseReviewForm(form);
  if (!parsed.ok) {
    throw new AppError("invalid:review_form", parsed.errors.join(" ") || "The form is not valid.", {
      fieldErrors: { form: parsed.errors },
    });
  }
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const reason = lockReason(tx, studyId);
        if (reason) throw new AppError("conflict:review_form_locked", reason);
        tx.update(studies)
          .set({ reviewForm: parsed.form, updatedAt: Date.now() })
          .where(eq(studies.id, studyId))
          .run();
        logEvent(tx, {
          studyId,
          actorId,
          kind: "review_form_updated",
          detail: { metrics: parsed.form.metrics.map((m) => m.key) },
        });
        return parsed.form;
      },
      { behavior: "immediate" },
    ),
  );
}

/** The review settings form's labels, for messages ("Most ideas: must be at least 1."). */
const REVIEW_SETTINGS_LABELS = {
  maxTopicChoices: "Topics a reviewer may choose",
  loadMin: "Fewest ideas",
  loadMax: "Most ideas",
  attestationText: "Attestation on submit",
  showOtherReviewsAfterClose: "Show other reviews after close",
  minActiveSeconds: "Least active time (seconds)",
};

export const reviewSettingsSchema = z
  .object({
    maxTopicChoices: z.coerce
      .number({ error: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(1, "Reviewers must be able to choose at least one topic.")
      .max(50, "At most 50."),
    loadMin: z.coerce
      .number()
      .int("Enter a whole number.")
      .min(0, "Must be 0 or more.")
      .max(200, "At most 200."),
    loadMax: z.coerce
      .number()
      .int("Enter a whole number.")
      .min(1, "Must be at least 1.")
      .max(200, "At most 200."),
    attestationText: z
      .string()
      .trim()
      .max(500, "At most 500 characters.")
      .transform((v) => (v === "" ? null : v)),
    showOtherReviewsAfterClose: z.boolean(),
    minActiveSeconds: z.coerce
      .number()
      .int("Enter a whole number of seconds.")
      .min(0, "Must be 0 or more.")
      .max(36_000, "At most 36,000 seconds."),
  })
  .refine((s) => s.loadMin <= s.loadMax, {
    path: ["loadMax"],
    message: "The largest load must be at least the smallest.",
  });

export function updateReviewSettings({
  studyId,
  actorId,
  settings,
}: {
  studyId: string;
  actorId: string;
  settings: unknown;
}): ReviewSettings {
  const parsed = parse("invalid:review_settings", reviewSettingsSchema, settings, REVIEW_SETTINGS_LABELS);
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        tx.update(studies)
          .set({ reviewSettings: parsed, updatedAt: Date.now() })
          .where(eq(studies.id, studyId))
          .run();
        logEvent(tx, { studyId, actorId, kind: "review_settings_updated", detail: parsed });
        return parsed;
      },
      { behavior: "immediate" },
    ),
  );
}
