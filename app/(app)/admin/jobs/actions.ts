"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getLlmConfig } from "@/server/ai/providers";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { startPromptCheckJob } from "@/server/jobs";

const promptsSchema = z.object({
  prompts: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(4000, "Each prompt can have at most 4,000 characters."))
        .max(20, "Use at most 20 prompts (one per line)."),
    ),
});

export const startPromptCheckJobAction = guardedAction(
  { admin: true, schema: promptsSchema },
  async ({ user, input }) => {
    // A job that can only fail is noise in the job list: say what to configure instead.
    const config = getLlmConfig();
    if (!config.configured) throw new AppError("unavailable:llm", config.problem);
    const job = await startPromptCheckJob({
      createdBy: user.id,
      prompts: input.prompts.length > 0 ? input.prompts : undefined,
    });
    revalidatePath("/admin/jobs");
    return { jobId: job.id };
  },
);
