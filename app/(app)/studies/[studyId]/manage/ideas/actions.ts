"use server";

import { revalidatePath } from "next/cache";
import { restoreIdeaVersion } from "@/db/queries/idea-restore";
import { restoreVersionSchema } from "@/lib/ideas/restore";
import { guardedAction } from "@/server/auth/guarded-handlers";

/** Brings back an earlier version of an idea's text as a new version (organizers). */
export const restoreIdeaVersionAction = guardedAction(
  { study: { roles: ["organizer"] }, schema: restoreVersionSchema },
  ({ study, user, input }) => {
    const result = restoreIdeaVersion({
      studyId: study.id,
      ideaId: input.ideaId,
      version: input.version,
      expectedVersion: input.expectedVersion,
      by: { kind: "organizer", userId: user.id },
    });
    revalidatePath(`/studies/${study.id}/manage/ideas/${input.ideaId}`);
    return result;
  },
);
