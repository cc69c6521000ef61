import "server-only";
import { z } from "zod";
import { buildRagIdeaPrompt } from "@/lib/ai/prompts/baseline-idea";
import { keywordQueries } from "@/lib/chains/text";
import type { ChainPaper } from "@/lib/chains/types";
import { concurrencyParam } from "@/lib/ideation/agent-params";
import type { IdeationAgent } from "@/lib/ideation/agent-types";
import { writeBaselineIdeas } from "./baseline";

// Baseline: RAG (specs/ideation.md §3) — the top-k abstracts the study's literature store returns
// for the topic go into every prompt. Retrieval is a checkpoint; the search is the store's own
// (no model call), by the topic's name and description, then its keyword queries if that finds
// fewer than k.

export const ragParamsSchema = z.object({
  topK: z
    .number()
    .int()
    .min(1, "Abstracts in the prompt must be at least 1")
    .max(20, "Abstracts in the prompt are at most 20")
    .default(5),
  concurrency: concurrencyParam,
});
export type RagParams = z.infer<typeof ragParamsSchema>;

export const ragAgent: IdeationAgent<RagParams> = {
  id: "rag",
  label: "RAG baseline",
  stages: ["retrieval", "idea"],
  paramsSchema: ragParamsSchema as unknown as z.ZodType<RagParams>,
  async run(ctx) {
    const p = ragParamsSchema.parse(ctx.params);
    const papers = await ctx.step("retrieval", async () => {
      const found = new Map<string, ChainPaper>();
      const queries = [
        `${ctx.topic.name} ${ctx.topic.description}`.trim(),
        ...keywordQueries(ctx.topic.name),
      ];
      for (const q of queries) {
        if (found.size >= p.topK || !q) break;
        for (const paper of await ctx.store.search(q, { before: ctx.before, limit: p.topK }))
          if (found.size < p.topK && !found.has(paper.id)) found.set(paper.id, paper);
      }
      ctx.progress("retrieval", found.size, p.topK);
      return [...found.values()].map(({ id, title, abstract }) => ({ id, title, abstract }));
    });
    return writeBaselineIdeas(ctx, {
      agent: "rag",
      concurrency: p.concurrency,
      provenance: { papers: papers.map((x) => x.id) },
      prompt: (earlier) =>
        buildRagIdeaPrompt({
          template: ctx.template,
          topic: ctx.topic.name,
          description: ctx.topic.description,
          earlier,
          papers,
        }),
    });
  },
};
