import "server-only";
import {
  buildOdrSeedsPrompt,
  type OdrSeed,
  odrSeedsOutputSchema,
  seedText,
} from "@/lib/ai/prompts/odr-seeds";
import { createRandom, hashSeed, shuffleWith } from "@/lib/assignment/prng";
import type { AgentContext } from "@/lib/ideation/agent-types";
import { createEmbeddingDeduper, createTfidfDeduper, type DedupMethod } from "@/lib/ideation/dedup";
import { mapPool } from "@/lib/ideation/pool";
import type { BankPaper } from "./odr-retrieval";

// Overgenerate–dedup–rank, stages "seeds" and "dedup", streaming: seed calls run `concurrency` at a
// time (a wave); each wave is a checkpoint (resume skips finished waves), and after it its batches are
// deduplicated in generation order against every earlier kept seed — by ctx.embed's vectors (cosine >
// 0.8) or, without an embedding model, TF-IDF — and each batch's unique rate becomes a point of the
// "unique-rate" series. Only the kept seeds and their count stay in memory, so large N streams.

export const PAPERS_PER_SEED_CALL = 3;

export type KeptSeed = OdrSeed & { index: number; batch: number; paperIds: string[] };
export type SeedingResult = { method: DedupMethod; seeds: number; kept: KeptSeed[]; rates: number[] };

type Batch = { seeds: OdrSeed[]; paperIds: string[] };

export async function generateAndDedupSeeds(
  ctx: AgentContext,
  { bank, total, concurrency }: { bank: readonly BankPaper[]; total: number; concurrency: number },
): Promise<SeedingResult> {
  const method: DedupMethod = ctx.embed ? "embeddings" : "tfidf";
  const tfidf = createTfidfDeduper();
  const embedded = createEmbeddingDeduper();
  const batches = Math.ceil(total / 5);
  const names: string[] = [];
  const kept: KeptSeed[] = [];
  const rates: number[] = [];
  let seen = 0;
  for (let wave = 0; wave * concurrency < batches; wave += 1) {
    const ids = Array.from(
      { length: Math.min(concurrency, batches - wave * concurrency) },
      (_, i) => wave * concurrency + i,
    );
    const shownNames = names.slice();
    const results = await ctx.step(`seeds:${wave}`, () =>
      mapPool(ids, concurrency, async (batch): Promise<Batch> => {
        const papers = shuffleWith(bank, createRandom(hashSeed(ctx.seed * 100_003 + batch))).slice(
          0,
          PAPERS_PER_SEED_CALL,
        );
        const { ideas } = await ctx.llm({
          stage: "seeds",
          candidate: null,
          ...buildOdrSeedsPrompt({
            topic: ctx.topic.name,
            description: ctx.topic.description,
            papers,
            names: shownNames,
          }),
          schema: odrSeedsOutputSchema,
          temperature: 1,
          seed: ctx.seed + batch,
        });
        return { seeds: ideas, paperIds: papers.map((p) => p.id) };
      }),
    );
    // One embedding call per wave (not per batch), split back into the batches in order.
    let left = total - seen;
    const waveSeeds = results.map((r) => {
      const seeds = r.seeds.slice(0, Math.max(0, left));
      left -= seeds.length;
      return seeds;
    });
    const vectors = ctx.embed ? await ctx.embed(waveSeeds.flat().map(seedText)) : null;
    let offset = 0;
    for (const [i, r] of results.entries()) {
      const batch = ids[i] ?? 0;
      const seeds = waveSeeds[i] ?? [];
      const texts = seeds.map(seedText);
      const verdict = vectors ? embedded.add(vectors.slice(offset, offset + seeds.length)) : tfidf.add(texts);
      offset += seeds.length;
      seeds.forEach((s, k) => {
        if (verdict.kept[k]) kept.push({ ...s, index: seen + k, batch, paperIds: r.paperIds });
      });
      seen += seeds.length;
      names.push(...seeds.map((s) => s.name));
      rates.push(verdict.uniqueRate);
      ctx.metric("unique-rate", {
        batch: batch + 1,
        rate: verdict.uniqueRate,
        kept: kept.length,
        seeds: seen,
        embeddings: method === "embeddings" ? 1 : 0,
      });
    }
    ctx.progress("seeds", seen, total);
    ctx.progress("dedup", kept.length, seen);
  }
  return { method, seeds: seen, kept, rates };
}
