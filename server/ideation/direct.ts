import "server-only";
import { z } from "zod";
import { buildDirectIdeaPrompt } from "@/lib/ai/prompts/baseline-idea";
import { concurrencyParam } from "@/lib/ideation/agent-params";
import type { IdeationAgent } from "@/lib/ideation/agent-types";
import { writeBaselineIdeas } from "./baseline";

// Baseline: direct prompting (specs/ideation.md §3) — the topic only, no literature.

export const directParamsSchema = z.object({
  concurrency: concurrencyParam,
});
export type DirectParams = z.infer<typeof directParamsSchema>;

export const directAgent: IdeationAgent<DirectParams> = {
  id: "direct",
  label: "Direct prompting",
  stages: ["idea"],
  paramsSchema: directParamsSchema as unknown as z.ZodType<DirectParams>,
  async run(ctx) {
    const p = directParamsSchema.parse(ctx.params);
    return writeBaselineIdeas(ctx, {
      agent: "direct",
      concurrency: p.concurrency,
      provenance: {},
      prompt: (earlier) =>
        buildDirectIdeaPrompt({
          template: ctx.template,
          topic: ctx.topic.name,
          description: ctx.topic.description,
          earlier,
        }),
    });
  },
};
