import "server-only";
import {
  buildCoiExperimentPrompt,
  buildCoiExperimentRefinePrompt,
  coiExperimentRefineOutputSchema,
  type ExperimentDesign,
  experimentDesignSchema,
} from "@/lib/ai/prompts/coi-experiment";
import {
  buildCoiDirectionPrompt,
  type CoiDirection,
  coiDirectionOutputSchema,
} from "@/lib/ai/prompts/coi-future-direction";
import { buildCoiIdeaPrompt, type CoiIdea, coiIdeaOutputSchema } from "@/lib/ai/prompts/coi-idea";
import {
  buildCoiNoveltyPrompt,
  coiNoveltyOutputSchema,
  NOVELTY_PAPERS_PER_QUERY,
} from "@/lib/ai/prompts/coi-novelty";
import { buildCoiTemplatePrompt, coiTemplateOutputSchema } from "@/lib/ai/prompts/coi-template";
import {
  buildCoiTrendPrompt,
  type CoiTrend,
  checkTrendSteps,
  coiTrendOutputSchema,
} from "@/lib/ai/prompts/coi-trend";
import type { PromptPaper } from "@/lib/ai/prompts/paper-json";
import { keywordQueries } from "@/lib/chains/text";
import type { AgentContext } from "@/lib/ideation/agent-types";
import { type NoveltyResult, runNoveltyRounds } from "@/lib/ideation/novelty";
import type { CoiChain } from "./coi-chains";

// One CoI candidate, grown from one chain: trend → future direction → idea → novelty rounds →
// experiment design → one review-and-refine round → the study's template. Each stage is a checkpoint
// (key "c<i>:<stage>"), so a resumed run starts at the first unfinished stage of each candidate.

export type CoiCandidate = {
  candidate: string;
  chainIndex: number;
  trend: CoiTrend;
  direction: CoiDirection;
  novelty: NoveltyResult;
  design: ExperimentDesign;
  refinement: { critique: string; design: ExperimentDesign };
  fields: Record<string, string>;
};

const NOVELTY_QUERIES = 3;

/** ≤3 queries for an idea: its title, then its novelty's keywords; ≤5 papers each from the store. */
export async function searchForIdea(ctx: AgentContext, idea: CoiIdea) {
  const queries = [idea.title, ...keywordQueries(`${idea.novelty} ${idea.method}`, NOVELTY_QUERIES)]
    .map((q) => q.trim())
    .filter((q, i, all) => q !== "" && all.indexOf(q) === i)
    .slice(0, NOVELTY_QUERIES);
  const out: { query: string; papers: PromptPaper[] }[] = [];
  for (const query of queries) {
    const hits = await ctx.store.search(query, { before: ctx.before, limit: NOVELTY_PAPERS_PER_QUERY });
    out.push({
      query,
      papers: hits.map((p) => ({ id: p.id, title: p.title, year: p.year, abstract: p.abstract })),
    });
  }
  return out;
}

export async function growCandidate({
  ctx,
  chain,
  chainIndex,
  total,
  maxNoveltyRounds,
}: {
  ctx: AgentContext;
  chain: CoiChain;
  chainIndex: number;
  /** Candidates of the topic, for the staged progress ("novelty", 2 of 3). */
  total: number;
  maxNoveltyRounds: number;
}): Promise<CoiCandidate> {
  const candidate = `c${chainIndex + 1}`;
  const topic = [ctx.topic.name, ctx.topic.description].filter((s) => s.trim()).join(": ");
  const ask = <T>(
    stage: string,
    built: { system: string; prompt: string },
    schema: import("zod").ZodType<T>,
    seed?: number,
  ) => ctx.llm({ stage, candidate, ...built, schema, seed });
  const key = (stage: string) => `${candidate}:${stage}`;
  const step = async <T>(stage: string, fn: () => Promise<T>): Promise<T> => {
    const out = await ctx.step(key(stage), fn);
    ctx.progress(stage, chainIndex + 1, total);
    return out;
  };

  const trendSchema = coiTrendOutputSchema.superRefine((t, issue) => {
    const problem = checkTrendSteps(t, chain.nodes);
    if (problem) issue.addIssue({ code: "custom", path: ["steps"], message: problem });
  });
  const trend = await step("trend", () =>
    ask("trend", buildCoiTrendPrompt({ topic, chain: chain.nodes }), trendSchema),
  );
  const direction = await step("direction", () =>
    ask(
      "direction",
      buildCoiDirectionPrompt({ topic, chain: chain.nodes, trend: trend.trend }),
      coiDirectionOutputSchema,
    ),
  );
  const writeIdea = (counterExamples: PromptPaper[], seed?: number) =>
    ask(
      "idea",
      buildCoiIdeaPrompt({
        topic,
        chain: chain.nodes,
        trend: trend.trend,
        direction: direction.direction,
        counterExamples,
      }),
      coiIdeaOutputSchema,
      seed,
    );
  const first = await step("idea", () => writeIdea([]));
  let round = 1;
  const novelty = await step("novelty", () =>
    runNoveltyRounds({
      idea: first,
      maxRounds: maxNoveltyRounds,
      search: (idea) => searchForIdea(ctx, idea),
      judge: (idea, papers) =>
        ask("novelty", buildCoiNoveltyPrompt({ idea, papers }), coiNoveltyOutputSchema),
      // A new seed per round, so a regeneration is a fresh sample even when the counter-examples repeat.
      regenerate: (counter) => writeIdea(counter, ctx.seed * 100 + ++round),
    }),
  );
  const design = await step("experiment", () =>
    ask("experiment", buildCoiExperimentPrompt({ idea: novelty.idea }), experimentDesignSchema),
  );
  const refinement = await step("refine", () =>
    ask(
      "refine",
      buildCoiExperimentRefinePrompt({ idea: novelty.idea, design }),
      coiExperimentRefineOutputSchema,
    ),
  );
  const fields = await step("template", () =>
    ask(
      "template",
      buildCoiTemplatePrompt({ template: ctx.template, idea: novelty.idea, design: refinement.design }),
      coiTemplateOutputSchema(ctx.template),
    ),
  );
  return { candidate, chainIndex, trend, direction, novelty, design, refinement, fields };
}
