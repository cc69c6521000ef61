import "server-only";
import type { z } from "zod";
import { buildChainQueriesPrompt, chainQueriesOutputSchema } from "@/lib/ai/prompts/chain-queries";
import type { CoiChainNode } from "@/lib/ai/prompts/coi-chain-json";
import { buildPickReferencesPrompt, pickReferencesOutputSchema } from "@/lib/ai/prompts/pick-references";
import { buildRelevanceGatePrompt, relevanceGateOutputSchema } from "@/lib/ai/prompts/relevance-gate";
import { buildChains } from "@/lib/chains/build";
import type { ChainLogEntry, LlmSteps } from "@/lib/chains/types";
import { AppError } from "@/lib/errors";
import type { AgentContext } from "@/lib/ideation/agent-types";

// CoI's first stage: K chains for the topic from the study's store, built by lib/chains with its
// model steps made through the run's AgentContext.llm, so every chain call is cached, costed to the
// run (stage "chains") and stopped by the budget and cancel like the agent's own calls.

export const CHAINS_STAGE = "chains";

/** The chain builder's model steps over the run's call (no second repair: generate() repairs once). */
export function runChainSteps(ctx: AgentContext): LlmSteps {
  const call = <T>(built: { system: string; prompt: string }, schema: z.ZodType<T>) =>
    ctx.llm({ stage: CHAINS_STAGE, candidate: null, ...built, schema, temperature: 0 });
  return {
    async proposeQueries(topic) {
      return (await call(buildChainQueriesPrompt({ topic }), chainQueriesOutputSchema)).queries;
    },
    judgeRelevance: (input) => call(buildRelevanceGatePrompt(input), relevanceGateOutputSchema),
    pickReferences: (input) => call(buildPickReferencesPrompt(input), pickReferencesOutputSchema),
  };
}

export type CoiChain = { anchorId: string; nodes: (CoiChainNode & { reason: string })[] };
export type CoiChains = { queries: string[]; chains: CoiChain[]; log: ChainLogEntry[] };

/** K chains with each node's abstract (the prompts show it); throws when the store offers none. */
export async function buildCoiChains(ctx: AgentContext, k: number): Promise<CoiChains> {
  const topic = [ctx.topic.name, ctx.topic.description].filter((s) => s.trim()).join(": ");
  const built = await buildChains({
    topic,
    store: ctx.store,
    llm: runChainSteps(ctx),
    options: { k, before: ctx.before, seed: ctx.seed },
  });
  if (built.chains.length === 0)
    throw new AppError(
      "conflict:ideation_chains",
      `No chain could be built for the topic "${ctx.topic.name}": the study's literature has no paper that matches it. Import papers on this topic first.`,
    );
  const chains: CoiChain[] = [];
  for (const chain of built.chains) {
    const nodes: CoiChain["nodes"] = [];
    for (const n of chain.nodes) {
      const paper = await ctx.store.getPaper(n.paperId);
      nodes.push({
        paperId: n.paperId,
        title: n.title,
        year: n.year,
        abstract: paper?.abstract ?? "",
        direction: n.direction,
        reading: null,
        reason: n.reason,
      });
    }
    chains.push({ anchorId: chain.anchorId, nodes });
  }
  return { queries: built.queries, chains, log: built.log };
}
