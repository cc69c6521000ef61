"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addAssignmentPair, publishAssignments, removeAssignmentPair } from "@/db/queries/assignments-edits";
import { runAssignment } from "@/db/queries/assignments-run";
import { withdrawReviewer } from "@/db/queries/assignments-withdraw";
import { addConflict, removeConflict } from "@/db/queries/reviewers";
import { plural } from "@/lib/format";
import { uuidSchema } from "@/lib/validation";
import { guardedAction } from "@/server/auth/guarded-handlers";

const organizer = { study: { roles: ["organizer"] as const } };
const refresh = (studyId: string) => revalidatePath(`/studies/${studyId}/manage/assignment`);

const count = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}: enter a whole number.` })
    .int(`${label}: enter a whole number.`)
    .min(min, `${label}: at least ${min}.`)
    .max(max, `${label}: at most ${max}.`);

export const runAssignmentAction = guardedAction(
  {
    ...organizer,
    schema: z
      .object({
        reviewsMin: count("Fewest reviews per idea", 1, 20),
        reviewsMax: count("Most reviews per idea", 1, 20),
        seed: count("Seed", 0, 2_147_483_647),
        mode: z.enum(["full", "remaining"]),
      })
      .refine((v) => v.reviewsMin <= v.reviewsMax, {
        path: ["reviewsMax"],
        message: "Most reviews per idea must be at least the fewest.",
      }),
  },
  ({ study, user, input }) => {
    const result = runAssignment({
      studyId: study.id,
      actorId: user.id,
      params: { reviewsPerIdea: { min: input.reviewsMin, max: input.reviewsMax }, seed: input.seed },
      mode: input.mode,
    });
    refresh(study.id);
    const r = result.report;
    return `Proposed ${plural(result.placed, "review")}; ${r.ideasCovered} of ${r.perIdea.length} ideas reach the minimum. Check the preview, adjust by hand if needed, then publish.`;
  },
);

export const addPairAction = guardedAction(
  {
    ...organizer,
    schema: z.object({
      ideaCode: z.string().trim().min(1, "Give the idea's code.").max(20, "Codes are short."),
      reviewerId: uuidSchema,
    }),
  },
  ({ study, user, input }) => {
    addAssignmentPair({ studyId: study.id, actorId: user.id, ...input });
    refresh(study.id);
    return `Added ${input.ideaCode.toUpperCase()}.`;
  },
);

export const removePairAction = guardedAction(
  { ...organizer, schema: z.object({ assignmentId: uuidSchema }) },
  ({ study, user, input }) => {
    removeAssignmentPair({ studyId: study.id, actorId: user.id, assignmentId: input.assignmentId });
    refresh(study.id);
    return "Removed.";
  },
);

export const publishAction = guardedAction(organizer, ({ study, user }) => {
  const n = publishAssignments({ studyId: study.id, actorId: user.id });
  refresh(study.id);
  revalidatePath(`/studies/${study.id}/manage/reviews`);
  return `Published ${plural(n, "assignment")}. Reviewers see them in their queue now.`;
});

export const addConflictAction = guardedAction(
  {
    ...organizer,
    schema: z.object({
      reviewerId: uuidSchema,
      ideaCode: z.string().trim().max(20).optional(),
      authorId: z
        .string()
        .optional()
        .transform((v) => (v ? v : undefined)),
    }),
  },
  ({ study, user, input }) => {
    addConflict({
      studyId: study.id,
      actorId: user.id,
      reviewerId: input.reviewerId,
      ideaCode: input.ideaCode || undefined,
      authorId: input.authorId,
    });
    refresh(study.id);
    return "Conflict marked. Run the assignment again (or “Assign remaining”) to apply it.";
  },
);

export const removeConflictAction = guardedAction(
  { ...organizer, schema: z.object({ id: uuidSchema }) },
  ({ study, user, input }) => {
    removeConflict({ studyId: study.id, actorId: user.id, id: input.id });
    refresh(study.id);
    return "Removed.";
  },
);

export const withdrawReviewerAction = guardedAction(
  { ...organizer, schema: z.object({ reviewerId: uuidSchema }) },
  ({ study, user, input }) => {
    const { withdrawn } = withdrawReviewer({
      studyId: study.id,
      actorId: user.id,
      reviewerId: input.reviewerId,
    });
    refresh(study.id);
    revalidatePath(`/studies/${study.id}/manage/reviews`);
    return `Withdrawn; ${plural(withdrawn, "open assignment")} released. Use “Assign remaining” to give them to others.`;
  },
);
