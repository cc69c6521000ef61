import "server-only";
import { z } from "zod";
import { buildOdrExpandPrompt } from "@/lib/ai/prompts/odr-expand";
import { buildOdrJudgePairPrompt, odrJudgePairOutputSchema } from "@/lib/ai/prompts/odr-judge-pair";
import { templateOutputSchema } from "@/lib/ai/prompts/template-fields";
import { concurrencyParam } from "@/lib/ideation/agent-params";
import type { GeneratedIdea, IdeationAgent } from "@/lib/ideation/agent-types";
import { mapPool } from "@/lib/ideation/pool";
import { runSwiss, SWISS_ROUNDS, type SwissStanding } from "@/lib/ideation/swiss";
import { retrievePaperBank } from "./odr-retrieval";
import { generateAndDedupSeeds } from "./odr-seeds";

// The overgenerate–dedup–rank agent (Si, Yang, Hashimoto 2024; specs/ideation.md §2), one topic:
// retrieval (paper bank) → seeds in batches of 5 → dedup (embeddings > 0.8 or TF-IDF) → expand the
// first `expandLimit` survivors into the template → Swiss tournament (5 rounds, both orders) → the
// top ctx.n. Each expensive stage is a ctx.step checkpoint, so a resumed run skips what it finished.

export const overgenerateParamsSchema = z.object({
  bankSize: z
    .number()
    .int()
    .min(1, "Paper bank size must be at least 1")
    .max(1000, "Paper bank size is at most 1,000")
    .default(120),
  maxRounds: z
    .number()
    .int()
    .min(1, "Retrieval rounds must be at least 1")
    .max(10, "Retrieval rounds are at most 10")
    .default(10),
  seedsPerTopic: z
    .number()
    .int()
    .min(5, "Seeds per topic must be at least 5")
    .max(10_000, "Seeds per topic are at most 10,000")
    .default(200),
  expandLimit: z
    .number()
    .int()
    .min(1, "Seeds to expand must be at least 1")
    .max(500, "Seeds to expand are at most 500")
    .default(40),
  concurrency: concurrencyParam,
  swissRounds: z
    .number()
    .int()
    .min(1, "Swiss rounds must be at least 1")
    .max(10, "Swiss rounds are at most 10")
    .default(SWISS_ROUNDS),
});
export type OvergenerateParams = z.infer<typeof overgenerateParamsSchema>;

export const OVERGENERATE_STAGES = ["retrieval", "seeds", "dedup", "expand", "rank"] as const;

export const overgenerateAgent: IdeationAgent<OvergenerateParams> = {
  id: "overgenerate",
  label: "Overgenerate–dedup–rank",
  stages: OVERGENERATE_STAGES,
  paramsSchema: overgenerateParamsSchema as unknown as z.ZodType<OvergenerateParams>,
  async run(ctx) {
    const p = overgenerateParamsSchema.parse(ctx.params);
    const bank = await ctx.step("retrieval", () => retrievePaperBank(ctx, p));
    const seeding = await generateAndDedupSeeds(ctx, {
      bank,
      total: p.seedsPerTopic,
      concurrency: p.concurrency,
    });
    const survivors = seeding.kept.slice(0, p.expandLimit);
    const schema = templateOutputSchema(ctx.template);
    let expandedCount = 0;
    const expanded = await mapPool(survivors, p.concurrency, async (seed) => {
      const candidate = `seed-${seed.index}`;
      const fields = await ctx.step(`expand:${seed.index}`, () =>
        ctx.llm({
          stage: "expand",
          candidate,
          ...buildOdrExpandPrompt({ template: ctx.template, topic: ctx.topic.name, seed }),
          schema,
        }),
      );
      expandedCount += 1;
      ctx.progress("expand", expandedCount, survivors.length);
      return { seed, candidate, fields };
    });
    const byCandidate = new Map(expanded.map((e) => [e.candidate, e]));
    const ranked = await ctx.step("rank", async () => {
      let judged = 0;
      const totalGames = Math.floor(expanded.length / 2) * 2 * p.swissRounds;
      const { standings, rounds } = await runSwiss({
        ids: expanded.map((e) => e.candidate),
        seed: ctx.seed,
        rounds: p.swissRounds,
        concurrency: p.concurrency,
        judge: async (first, second) => {
          const a = byCandidate.get(first)?.fields ?? {};
          const b = byCandidate.get(second)?.fields ?? {};
          const { winner } = await ctx.llm({
            stage: "rank",
            candidate: null,
            ...buildOdrJudgePairPrompt({ topic: ctx.topic.name, a, b }),
            schema: odrJudgePairOutputSchema,
          });
          judged += 1;
          ctx.progress("rank", judged, totalGames);
          return winner;
        },
      });
      return { standings, rounds: rounds.length };
    });
    return ranked.standings.slice(0, ctx.n).map((s: SwissStanding): GeneratedIdea => {
      const e = byCandidate.get(s.id);
      if (!e) throw new Error(`Ranked seed ${s.id} was never expanded.`);
      return {
        candidate: e.candidate,
        fields: e.fields,
        noveltyStatus: null,
        provenance: {
          agent: "overgenerate",
          seedName: e.seed.name,
          seedIdea: e.seed.idea,
          seedIndex: e.seed.index,
          batch: e.seed.batch + 1,
          papers: e.seed.paperIds,
          dedupMethod: seeding.method,
          seeds: seeding.seeds,
          uniqueSeeds: seeding.kept.length,
          expanded: expanded.length,
          swiss: { points: s.points, buchholz: s.buchholz, rank: s.rank, rounds: ranked.rounds },
          bankSize: bank.length,
        },
      };
    });
  },
};
