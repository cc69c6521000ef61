"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publishResults } from "@/db/queries/results";
import { guardedAction } from "@/server/auth/guarded-handlers";

const publishSchema = z.object({
  baseline: z.string({ error: "Choose a baseline." }).min(1, "Choose a baseline.").max(200),
  // Unknown values reach the query, which names the allowed ones (invalid:results).
  correction: z.string().max(40).optional(),
  family: z.string().max(40).optional(),
  shareReviewTable: z.literal("yes").optional(),
  allowOpen: z.literal("yes").optional(),
});

/** Computes the results from the reviews as they are now and publishes them to every member. */
export const publishResultsAction = guardedAction(
  { study: { roles: ["organizer"] }, schema: publishSchema },
  ({ study, user, input }) => {
    const { shareReviewTable, allowOpen, ...params } = input;
    const snapshot = publishResults({
      studyId: study.id,
      actorId: user.id,
      params,
      shareReviewTable: shareReviewTable === "yes",
      allowOpen: allowOpen === "yes",
    });
    // The layout's nav shows the Results tab to every member once something is published.
    revalidatePath(`/studies/${study.id}`, "layout");
    return { snapshotId: snapshot.id, reviewCount: snapshot.reviewCount };
  },
);
