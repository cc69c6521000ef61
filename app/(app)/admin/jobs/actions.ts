"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded";
import { startTestJob } from "@/lib/jobs";

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

export const startTestJobAction = guardedAction(
  { admin: true, schema: promptsSchema },
  async ({ user, input }) => {
    const job = await startTestJob({
      createdBy: user.id,
      prompts: input.prompts.length > 0 ? input.prompts : undefined,
    });
    revalidatePath("/admin/jobs");
    return { jobId: job.id };
  },
);
