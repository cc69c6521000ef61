"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { submitReview } from "@/db/queries/review-save";
import { saveReviewerProfile } from "@/db/queries/reviewers";
import { AppError } from "@/lib/errors";
import { reviewSubmitSchema } from "@/lib/reviews/save-request";
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

/**
 * Submit, or update a submitted review (full validation), then refresh "My reviews". Autosaved drafts
 * and active time go to the draft route instead (server/reviews/review-draft.ts).
 */
export const submitReviewAction = guardedCall(
  { ...reviewer, schema: reviewSubmitSchema },
  ({ study, user, input }) => {
    const result = submitReview({
      studyId: study.id,
      assignmentId: input.assignmentId,
      userId: user.id,
      answers: input.answers,
      version: input.version,
      activeSeconds: input.activeSeconds,
      saveId: input.saveId,
    });
    revalidatePath(`/studies/${study.id}/review`);
    return result;
  },
);
