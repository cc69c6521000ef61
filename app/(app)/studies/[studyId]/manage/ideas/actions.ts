"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { restoreIdeaVersion } from "@/db/queries/idea-restore";
import { uuidSchema } from "@/lib/validation";
import { guardedAction } from "@/server/auth/guarded-handlers";

const restoreSchema = z.object({
  ideaId: uuidSchema,
  version: z.coerce.number().int().min(1),
  expectedVersion: z.coerce.number().int().min(1),
});

/** Brings back an earlier version of an idea's text as a new version (organizers). */
export const restoreIdeaVersionAction = guardedAction(
  { study: { roles: ["organizer"] }, schema: restoreSchema },
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
