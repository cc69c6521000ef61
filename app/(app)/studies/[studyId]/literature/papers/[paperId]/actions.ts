"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getVisiblePaper } from "@/db/queries/literature/neighbours";
import { AppError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validation";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { configuredReadingModel, defaultReadCall, readPaper } from "@/server/literature/read-paper";

/** Reads the paper with the configured model (once per paper, model and source; later reads are free). */
export const readPaperAction = guardedAction(
  { study: { roles: ["organizer"] }, schema: z.object({ paperId: uuidSchema }) },
  async ({ study, input }) => {
    if (!getVisiblePaper({ paperId: input.paperId, studyId: study.id }))
      throw new AppError("not_found:paper", "This paper is not in the study's literature.");
    const model = configuredReadingModel();
    if (!model)
      throw new AppError("unavailable:llm", "No language model is configured, so the paper cannot be read.");
    const r = await readPaper({
      paperId: input.paperId,
      studyId: study.id,
      model,
      call: defaultReadCall({ studyId: study.id }),
    });
    revalidatePath(`/studies/${study.id}/literature/papers/${input.paperId}`);
    return { source: r.source, cached: r.cached };
  },
);
