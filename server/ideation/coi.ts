import "server-only";
import { z } from "zod";
import { buildCoiRankPairPrompt, coiRankPairOutputSchema } from "@/lib/ai/prompts/coi-rank-pair";
import { at } from "@/lib/assert";
import type { GeneratedIdea, IdeationAgent } from "@/lib/ideation/agent-types";
import { DEFAULT_NOVELTY_ROUNDS } from "@/lib/ideation/novelty";
import {
  MAX_RANKED_IDEAS,
  type PairResult,
  type RankedIdea,
  rankByPairwiseJudging,
} from "@/lib/ideation/rank";
import { RUN_KEEP_MODES } from "@/lib/ideation/run-types";
import { type CoiCandidate, growCandidate } from "./coi-candidate";
import { buildCoiChains, CHAINS_STAGE, READING_STAGE, readChainPapers, withReadings } from "./coi-chains";

// The Chain-of-Ideas agent (specs/ideation.md §1) for one topic: K chains → one candidate per chain
// (coi-candidate.ts) → the candidates ranked by pairwise judging in both orders → the best n kept, or
// all K. Orchestration only: prompts and schemas are in lib/ai/prompts/coi-*, the bounded novelty
// rounds and the ranking in lib/ideation; every call goes through the run's context.

export const COI_STAGES = [
  CHAINS_STAGE,
  READING_STAGE,
  "trend",
  "direction",
  "idea",
  "novelty",
  "experiment",
  "refine",
  "template",
  "rank",
] as const;

export const coiParamsSchema = z.object({
  /** Chains, hence candidates, per topic; at least the ideas to keep. */
  k: z
    .number()
    .int()
    .min(1, "K: at least 1 chain.")
    .max(MAX_RANKED_IDEAS, `K: at most ${MAX_RANKED_IDEAS} chains.`)
    .default(3),
  keep: z.enum(RUN_KEEP_MODES).default("best"),
  noveltyRounds: z.number().int().min(1).max(5).default(DEFAULT_NOVELTY_ROUNDS),
});
export type CoiParams = z.infer<typeof coiParamsSchema>;

function provenanceOf(
  c: CoiCandidate,
  chains: Awaited<ReturnType<typeof buildCoiChains>>,
  rank: RankedIdea | undefined,
  results: PairResult[],
) {
  const chain = at(chains.chains, c.chainIndex);
  return {
    agent: "coi",
    chainQueries: chains.queries,
    chain: {
      anchorId: chain.anchorId,
      nodes: chain.nodes.map(({ paperId, title, year, direction, reason, reading }) => ({
        paperId,
        title,
        year,
        direction,
        reason,
        reading,
      })),
    },
    trend: c.trend,
    direction: c.direction,
    idea: c.novelty.idea,
    novelty: {
      status: c.novelty.status,
      rounds: c.novelty.rounds,
      counterExamples: c.novelty.counterExamples,
    },
    experiment: { design: c.design, critique: c.refinement.critique, refined: c.refinement.design },
    ranking: rank
      ? {
          points: rank.points,
          rank: rank.rank,
          pairs: results.filter((r) => r.first === c.candidate || r.second === c.candidate),
        }
      : null,
  };
}

export const coiAgent: IdeationAgent<CoiParams> = {
  id: "coi",
  label: "Chain-of-Ideas",
  stages: COI_STAGES,
  paramsSchema: coiParamsSchema,
  async run(ctx) {
    const params = coiParamsSchema.parse(ctx.params);
    const k = Math.min(MAX_RANKED_IDEAS, Math.max(params.k, ctx.n));
    ctx.progress(CHAINS_STAGE, 0, 1);
    const built = await ctx.step("chains", () => buildCoiChains(ctx, k));
    ctx.progress(CHAINS_STAGE, 1, 1);
    const chains = withReadings(built, await ctx.step("readings", () => readChainPapers(ctx, built)));

    const candidates: CoiCandidate[] = [];
    for (const [i, chain] of chains.chains.entries()) {
      ctx.signal.throwIfAborted();
      candidates.push(
        await growCandidate({
          ctx,
          chain,
          chainIndex: i,
          total: chains.chains.length,
          maxNoveltyRounds: params.noveltyRounds,
        }),
      );
    }

    const byId = new Map(candidates.map((c) => [c.candidate, c]));
    const topic = [ctx.topic.name, ctx.topic.description].filter((s) => s.trim()).join(": ");
    const pairCount = candidates.length * (candidates.length - 1);
    let judged = 0;
    ctx.progress("rank", 0, pairCount);
    const { ranking, results } = await ctx.step("rank", () =>
      rankByPairwiseJudging({
        ids: candidates.map((c) => c.candidate),
        judge: async (first, second) => {
          const a = byId.get(first)?.novelty.idea;
          const b = byId.get(second)?.novelty.idea;
          if (!a || !b) throw new RangeError(`unknown candidate ${first} or ${second}`);
          const out = await ctx.llm({
            stage: "rank",
            candidate: null,
            ...buildCoiRankPairPrompt({ topic, a, b }),
            schema: coiRankPairOutputSchema,
          });
          ctx.progress("rank", ++judged, pairCount);
          return out.winner;
        },
      }),
    );
    ctx.progress("rank", pairCount, pairCount);

    const kept = params.keep === "all" ? ranking : ranking.slice(0, ctx.n);
    return kept.map((r): GeneratedIdea => {
      const c = byId.get(r.id);
      if (!c) throw new RangeError(`ranking names unknown candidate ${r.id}`);
      return {
        candidate: c.candidate,
        fields: c.fields,
        noveltyStatus: c.novelty.status,
        provenance: provenanceOf(c, chains, r, results),
      };
    });
  },
};
