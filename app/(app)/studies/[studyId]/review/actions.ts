"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordActiveTime, saveReviewDraft, submitReview } from "@/db/queries/review-save";
import { saveReviewerProfile } from "@/db/queries/reviewers";
import { AppError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validation";
import { guardedAction, guardedCall } from "@/server/auth/guarded-handlers";

// The reviewer's actions. Each one is checked against the reviewer's own published assignment in
// the query itself, so a guessed assignment id from someone else is "not found".

const reviewer = { study: { roles: ["reviewer"] as const, consent: true } };

const wholeNumber = (label: string) =>
  z.coerce.number({ error: `${label}: enter a whole number.` }).int(`${label}: enter a whole number.`);

export const saveProfileAction = guardedAction(
  {
    ...reviewer,
    schema: z.object({
      topicIds: z
        .union([uuidSchema, z.array(uuidSchema)], { error: "Choose at least one topic." })
        .optional()
        .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
      minLoad: wholeNumber("Smallest load"),
      maxLoad: wholeNumber("Largest load"),
      institution: z.string().trim().max(200, "At most 200 characters.").default(""),
    }),
  },
  ({ study, user, input }) => {
    if (study.status === "closed") {
      throw new AppError("conflict:phase", "The review phase has closed; sign-up can no longer change.");
    }
    saveReviewerProfile({ studyId: study.id, userId: user.id, input });
    revalidatePath(`/studies/${study.id}/review`);
    return "Saved. The organizer assigns ideas from these preferences.";
  },
);

const saveSchema = z.object({
  assignmentId: uuidSchema,
  mode: z.enum(["draft", "submit", "activity"]),
  answers: z.unknown(),
  version: z.number().int().min(0),
  activeSeconds: z.number().min(0).max(86_400),
  /** Idempotency key of this save, the same on every retry until one is acknowledged. */
  saveId: uuidSchema.optional(),
});

/** Autosave ("draft"), submit or update ("submit"), or only active time ("activity"). */
export const saveReviewAction = guardedCall({ ...reviewer, schema: saveSchema }, ({ study, user, input }) => {
  const base = {
    studyId: study.id,
    assignmentId: input.assignmentId,
    userId: user.id,
    answers: input.answers,
    version: input.version,
    activeSeconds: input.activeSeconds,
    saveId: input.saveId,
  };
  if (input.mode === "activity") {
    recordActiveTime(base);
    return null;
  }
  const result = input.mode === "submit" ? submitReview(base) : saveReviewDraft(base);
  if (input.mode === "submit") revalidatePath(`/studies/${study.id}/review`);
  return result;
});
