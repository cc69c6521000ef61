import "server-only";
import type { z } from "zod";
import { buildChainQueriesPrompt, chainQueriesOutputSchema } from "@/lib/ai/prompts/chain-queries";
import type { CoiChainNode } from "@/lib/ai/prompts/coi-chain-json";
import { buildPickReferencesPrompt, pickReferencesOutputSchema } from "@/lib/ai/prompts/pick-references";
import { type PaperReading, readPaperOutputSchema } from "@/lib/ai/prompts/read-paper";
import { buildRelevanceGatePrompt, relevanceGateOutputSchema } from "@/lib/ai/prompts/relevance-gate";
import { buildChains } from "@/lib/chains/build";
import type { ChainLogEntry, LlmSteps } from "@/lib/chains/types";
import { AppError } from "@/lib/errors";
import type { AgentContext } from "@/lib/ideation/agent-types";
import { readPaper } from "@/server/literature/read-paper";

// CoI's first stage: K chains for the topic from the study's store, built by lib/chains with its
// model steps made through the run's AgentContext.llm, so every chain call is cached, costed to the
// run (stage "chains") and stopped by the budget and cancel like the agent's own calls.

export const CHAINS_STAGE = "chains";
export const READING_STAGE = "reading";

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

/**
 * Each chain paper's reading (background, novelty, contribution, method, limitation, entities,
 * experiment steps), read once per paper and model across chains and runs (server/literature/
 * read-paper.ts) with the call made through the run, so a new reading is costed to it. A paper
 * with nothing to read (no abstract, no PDF) stays unread; any other failure fails the topic.
 */
export async function readChainPapers(
  ctx: AgentContext,
  chains: CoiChains,
): Promise<Record<string, PaperReading>> {
  const ids = [...new Set(chains.chains.flatMap((c) => c.nodes.map((n) => n.paperId)))];
  const out: Record<string, PaperReading> = {};
  const model = ctx.model;
  if (model === undefined) return out;
  for (const [i, paperId] of ids.entries()) {
    ctx.signal.throwIfAborted();
    try {
      const { reading } = await readPaper({
        paperId,
        studyId: ctx.studyId,
        model,
        call: async (built) => ({
          reading: await ctx.llm({
            stage: READING_STAGE,
            candidate: null,
            ...built,
            schema: readPaperOutputSchema,
            temperature: 0,
          }),
          callId: null,
        }),
      });
      out[paperId] = reading;
    } catch (e) {
      if (!(e instanceof AppError && (e.code === "invalid:paper" || e.code === "not_found:paper"))) throw e;
    }
    ctx.progress(READING_STAGE, i + 1, ids.length);
  }
  return out;
}

/** The chains with each node's reading filled in where there is one. */
export function withReadings(chains: CoiChains, readings: Record<string, PaperReading>): CoiChains {
  return {
    ...chains,
    chains: chains.chains.map((c) => ({
      ...c,
      nodes: c.nodes.map((n) => ({ ...n, reading: readings[n.paperId] ?? null })),
    })),
  };
}
