// Idea dedup's speed goals (issue 14): 4,000 seeds with 1,536-dim embeddings < 2 s, and TF-IDF dedup
// of 4,000 seed texts < 2 s. Seeded synthetic data with planted near-duplicates
// (lib/ideation/synthetic-seeds.ts): 5% distinct (the study's finding), and a harder 25% for
// reference (more kept seeds means more comparisons). Streamed in batches of 5 like the agent does.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createEmbeddingDeduper, createTfidfDeduper } from "@/lib/ideation/dedup";
import { syntheticEmbeddings, syntheticSeedTexts } from "@/lib/ideation/synthetic-seeds";

const SEEDS = 4000;
const DIMS = 1536;
const BATCH = 5;

function timed(runs: number, work: () => number): { median: number; all: number[]; kept: number } {
  const all: number[] = [];
  let kept = 0;
  for (let r = 0; r < runs; r += 1) {
    const start = performance.now();
    kept = work();
    all.push(performance.now() - start);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor(runs / 2)] as number, all, kept };
}

function inBatches<T>(items: readonly T[], add: (batch: T[]) => unknown) {
  for (let i = 0; i < items.length; i += BATCH) add(items.slice(i, i + BATCH));
}

const list = (ms: number[]) => ms.map((t) => t.toFixed(0)).join(", ");

export function benchDedup(): void {
  for (const share of [0.05, 0.25]) {
    const distinct = Math.round(SEEDS * share);
    const { vectors, expectedKept } = syntheticEmbeddings({
      count: SEEDS,
      distinct,
      dimensions: DIMS,
      seed: 1,
    });
    const emb = timed(3, () => {
      const d = createEmbeddingDeduper();
      inBatches(vectors, (b) => d.add(b));
      return d.keptIndices().length;
    });
    console.log(
      `dedup, embeddings: ${SEEDS.toLocaleString("en")} seeds × ${DIMS} dims, ${distinct} distinct planted: median ${emb.median.toFixed(0)} ms of 3 (${list(emb.all)} ms), kept ${emb.kept} (expected ${expectedKept.length}); goal < 2,000 ms`,
    );
    const { texts, expectedKept: textKept } = syntheticSeedTexts({ count: SEEDS, distinct, seed: 1 });
    const tf = timed(3, () => {
      const d = createTfidfDeduper();
      inBatches(texts, (b) => d.add(b));
      return d.keptIndices().length;
    });
    console.log(
      `dedup, TF-IDF: ${SEEDS.toLocaleString("en")} seed texts, ${distinct} distinct planted: median ${tf.median.toFixed(0)} ms of 3 (${list(tf.all)} ms), kept ${tf.kept} (expected ${textKept.length}); goal < 2,000 ms`,
    );
  }
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? "")).href) benchDedup();
