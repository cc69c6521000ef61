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

/** The writer brings back an earlier version of their own idea while writing is open. */
export const restoreOwnVersionAction = guardedAction(
  { study: { roles: ["writer"], consent: true }, schema: restoreSchema },
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
