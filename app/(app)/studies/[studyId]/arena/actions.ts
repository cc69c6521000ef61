"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { skipArenaPair, submitArenaVote } from "@/db/queries/arena-judging";
import { uuidSchema } from "@/lib/validation";
import { guardedCall } from "@/server/auth/guarded-handlers";

// The judge's actions. The pair is named by its pair id only; the query checks the judge role, that
// the arena is open, the pair, the judge's own ideas and earlier judgments, and recomputes which idea
// was on the left, so nothing the client sends can choose or reveal an idea.

const judge = { study: { roles: ["judge"] as const, consent: true } };

export const submitVoteAction = guardedCall(
  {
    ...judge,
    schema: z.object({
      pairId: uuidSchema,
      verdicts: z.unknown(),
      comment: z.string({ error: "Comment: must be text." }).optional(),
    }),
  },
  ({ study, user, input }) => {
    const result = submitArenaVote({
      studyId: study.id,
      userId: user.id,
      pairId: input.pairId,
      verdicts: input.verdicts,
      comment: input.comment,
    });
    revalidatePath(`/studies/${study.id}/arena`);
    return result;
  },
);

export const skipPairAction = guardedCall(
  { ...judge, schema: z.object({ pairId: uuidSchema }) },
  ({ study, user, input }) => {
    const result = skipArenaPair({ studyId: study.id, userId: user.id, pairId: input.pairId });
    revalidatePath(`/studies/${study.id}/arena`);
    return result;
  },
);
