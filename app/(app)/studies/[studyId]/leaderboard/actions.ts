"use server";

import { revalidatePath } from "next/cache";
import { publishArenaSnapshot } from "@/db/queries/arena-results";
import { guardedAction } from "@/server/auth/guarded-handlers";

export const publishLeaderboardAction = guardedAction(
  { study: { roles: ["organizer"] } },
  ({ study, user }) => {
    const snapshot = publishArenaSnapshot({ studyId: study.id, actorId: user.id });
    // The layout's nav opens the leaderboard to every member once a snapshot exists.
    revalidatePath(`/studies/${study.id}`, "layout");
    return { snapshotId: snapshot.id, matchCount: snapshot.matchCount };
  },
);
