"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publishArenaSnapshot } from "@/db/queries/arena-results";
import { APP_PRIOR, PRIOR_CHOICES } from "@/lib/arena/leaderboard-outputs";
import { guardedAction } from "@/server/auth/guarded-handlers";

export const publishLeaderboardAction = guardedAction(
  {
    study: { roles: ["organizer"] },
    schema: z.object({
      prior: z.coerce
        .number()
        .refine((w) => (PRIOR_CHOICES as readonly number[]).includes(w), {
          error: `The weak prior must be one of ${PRIOR_CHOICES.join(", ")}.`,
        })
        .default(APP_PRIOR),
    }),
  },
  ({ study, user, input }) => {
    const snapshot = publishArenaSnapshot({ studyId: study.id, actorId: user.id, prior: input.prior });
    // The layout's nav opens the leaderboard to every member once a snapshot exists.
    revalidatePath(`/studies/${study.id}`, "layout");
    return { snapshotId: snapshot.id, matchCount: snapshot.matchCount };
  },
);
