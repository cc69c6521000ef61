"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRewriteLeakFlags } from "@/db/queries/idea-leaks";
import { acceptCleanRewrites, reviewNormalization } from "@/db/queries/ideas";
import { AppError } from "@/lib/errors";
import { describeLeakFlags } from "@/lib/ideas/leak-summary";
import { uuidSchema } from "@/lib/validation";
import { getLlmConfig } from "@/server/ai/providers";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { startNormalization } from "@/server/jobs/normalize-ideas";

const organizer = { study: { roles: ["organizer"] as const } };

export const startNormalizationAction = guardedAction(
  { ...organizer, schema: z.object({ ideaIds: z.array(uuidSchema).optional() }) },
  async ({ study, user, input }) => {
    const config = getLlmConfig();
    if (!config.configured) throw new AppError("unavailable:llm", config.problem);
    const job = await startNormalization({ studyId: study.id, actorId: user.id, ideaIds: input.ideaIds });
    revalidatePath(`/studies/${study.id}/manage/normalization`);
    return { jobId: job.id };
  },
);

export const reviewNormalizationAction = guardedAction(
  {
    ...organizer,
    schema: z.object({
      ideaId: uuidSchema,
      decision: z.enum(["accept", "edit", "reject"]),
      acceptHits: z.literal("yes").optional(),
    }),
  },
  ({ study, input, raw }) => {
    if (input.decision === "accept" && input.acceptHits !== "yes") {
      const hits = getRewriteLeakFlags({ studyId: study.id, ideaId: input.ideaId });
      if (hits.length > 0)
        throw new AppError(
          "conflict:leak_hits",
          `The rewrite has leak-check hits reviewers would see: ${describeLeakFlags(hits)}. Edit them out, or tick the box to accept them.`,
        );
    }
    const form = raw as Record<string, unknown>;
    const editedFields =
      input.decision === "edit"
        ? Object.fromEntries(
            Object.entries(form)
              .filter(([k, v]) => k.startsWith("field_") && typeof v === "string")
              .map(([k, v]) => [k.slice("field_".length), String(v)]),
          )
        : undefined;
    reviewNormalization({ studyId: study.id, ideaId: input.ideaId, decision: input.decision, editedFields });
    revalidatePath(`/studies/${study.id}/manage/normalization`, "layout");
    return { decision: input.decision };
  },
);

export const acceptCleanRewritesAction = guardedAction(
  {
    ...organizer,
    schema: z.object({
      ideaIds: z.array(uuidSchema).min(1, "There are no rewrites without leak-check hits to accept."),
    }),
  },
  ({ study, user, input }) => {
    const result = acceptCleanRewrites({ studyId: study.id, ideaIds: input.ideaIds, actorId: user.id });
    revalidatePath(`/studies/${study.id}/manage/normalization`, "layout");
    return result;
  },
);
