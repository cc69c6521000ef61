"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { listStudyReviewers, reassignOpenAssignments } from "@/db/queries/assignments";
import { importReviews } from "@/db/queries/review-exchange";
import { guardedAction, guardedCall } from "@/lib/auth/guarded";
import { AppError } from "@/lib/errors";

const pagePath = (studyId: string) => `/studies/${studyId}/manage/reviews`;

const reassignSchema = z.object({
  fromReviewerId: z.uuid({ error: "Choose the reviewer whose open reviews should move." }),
  toReviewerId: z.uuid({ error: "Choose the reviewer who should take them." }),
});

/** Moves a reviewer's open reviews to another reviewer; pairs that would break a constraint stay. */
export const reassignAction = guardedAction(
  { study: { roles: ["organizer"] }, schema: reassignSchema },
  ({ study, user, input }) => {
    // The query checks the assignment rules but not withdrawal: a withdrawn reviewer gets no new reviews.
    const target = listStudyReviewers({ studyId: study!.id }).find((r) => r.id === input.toReviewerId);
    if (target?.withdrawn) {
      const message = `${target.name} has withdrawn from reviewing; choose someone else.`;
      throw new AppError("invalid:reassign", message, { fieldErrors: { toReviewerId: [message] } });
    }
    const result = reassignOpenAssignments({
      studyId: study!.id,
      actorId: user.id,
      fromReviewerId: input.fromReviewerId,
      toReviewerId: input.toReviewerId,
    });
    revalidatePath(pagePath(study!.id));
    return result;
  },
);

const importSchema = z.object({
  fileName: z.string().trim().min(1, "Choose a file.").max(255, "The file name is too long."),
  content: z
    .string()
    .min(1, "The file is empty.")
    .max(20 * 1024 * 1024, "The file is larger than 20 MB; split it."),
});

/** Imports external reviews in the tidy format: the whole file, or nothing when any row is wrong. */
export const importReviewsAction = guardedCall(
  { study: { roles: ["organizer"] }, schema: importSchema },
  ({ study, user, input }) => {
    const result = importReviews({
      studyId: study!.id,
      actorId: user.id,
      fileName: input.fileName,
      text: input.content,
    });
    revalidatePath(pagePath(study!.id));
    return result;
  },
);
