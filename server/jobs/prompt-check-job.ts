import "server-only";
import { z } from "zod";
import type { Job } from "@/db/schema";
import { generate } from "@/server/ai/generate";
import { registerJobHandler } from "./registry";
import { enqueueJob } from "./runner";

// A tiny job an admin can start to check, end to end, that the runner and the configured model
// (or the mock) work: a few prompts, one model call each, replies visible in the job's items.

export const PROMPT_CHECK_JOB_KIND = "test";

export const DEFAULT_CHECK_PROMPTS = [
  "Reply with one short sentence: what is a research idea?",
  "Name one way to make a research idea more novel, in one sentence.",
  "In one sentence, what makes a research idea feasible?",
];

export const promptCheckInputSchema = z.object({ prompt: z.string().trim().min(1).max(4000) });
export type PromptCheckInput = z.infer<typeof promptCheckInputSchema>;
export type PromptCheckOutput = { reply: string };

export const promptCheckJobHandler = registerJobHandler<PromptCheckInput, PromptCheckOutput>({
  kind: PROMPT_CHECK_JOB_KIND,
  inputSchema: promptCheckInputSchema,
  handle: async ({ prompt }, { jobId, signal }) => {
    const { text } = await generate({ purpose: "test-job", jobId, prompt, signal });
    return { reply: text };
  },
});

export function startPromptCheckJob({
  createdBy,
  prompts = DEFAULT_CHECK_PROMPTS,
}: {
  createdBy?: string | null;
  prompts?: string[];
}): Promise<Job> {
  return enqueueJob({
    kind: PROMPT_CHECK_JOB_KIND,
    params: {},
    items: prompts.map((prompt) => ({ prompt })),
    createdBy,
  });
}
