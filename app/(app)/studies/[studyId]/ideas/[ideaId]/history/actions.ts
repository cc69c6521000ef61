"use server";

import { revalidatePath } from "next/cache";
import { restoreIdeaVersion } from "@/db/queries/idea-restore";
import { restoreVersionSchema } from "@/lib/ideas/restore";
import { guardedAction } from "@/server/auth/guarded-handlers";

/** The writer brings back an earlier version of their own idea while writing is open. */
export const restoreOwnVersionAction = guardedAction(
  { study: { roles: ["writer"], consent: true }, schema: restoreVersionSchema },
  ({ study, user, input }) => {
    const result = restoreIdeaVersion({
      studyId: study.id,
      ideaId: input.ideaId,
      version: input.version,
      expectedVersion: input.expectedVersion,
      by: { kind: "author", userId: user.id },
    });
    revalidatePath(`/studies/${study.id}/ideas/${input.ideaId}`, "layout");
    return result;
  },
);
