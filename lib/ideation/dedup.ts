import { at } from "@/lib/assert";
import { smoothIdf, termCounts } from "@/lib/text/tfidf";

// Dedup of seed ideas in generation order (specs/ideation.md §2): a seed whose cosine similarity to
// an earlier kept seed is above the threshold is dropped, so the first phrasing of an idea wins.
// Streaming: seeds arrive in batches, and each batch reports its non-duplicate rate (the run page's
// saturation chart). Two measures:
// - embeddings: cosine of the embedding model's vectors, threshold 0.8 (the published agent's);
// - TF-IDF (no embedding model): cosine of TF-IDF vectors, threshold TFIDF_DUPLICATE_THRESHOLD,
//   calibrated on lib/ideation/fixtures/near-duplicates.json by scripts/calibrate-tfidf-dedup.ts
//   (see that fixture's README for precision and recall).
// Speed: embeddings are kept as one normalized Float32Array, each seed stops at the first kept seed
// above the threshold, and a pair that cannot reach it is dropped after a quarter of the dimensions; TF-IDF compares through an inverted index of the kept seeds, so a
// new seed only meets kept seeds it shares a term with.

export const EMBEDDING_DUPLICATE_THRESHOLD = 0.8;
/** Calibrated: see lib/ideation/fixtures/README.md. */
export const TFIDF_DUPLICATE_THRESHOLD = 0.29;

export type DedupMethod = "embeddings" | "tfidf";

export type BatchDedup = {
  /** One per seed of the batch, in order. */
  kept: boolean[];
  /** For a dropped seed, the generation index (over all batches) of the kept seed it repeats. */
  duplicateOf: (number | null)[];
  /**
   * For every seed, its highest similarity to an earlier kept seed that was fully compared (0 for
   * the first; embedding pairs the early exit proves below the threshold are not counted).
   */
  maxSimilarity: number[];
  /** Kept seeds of this batch / seeds of this batch (1 for an empty batch). */
  uniqueRate: number;
};

export type Deduper = {
  method: DedupMethod;
  threshold: number;
  /** Generation indices of the kept seeds, in order. */
  keptIndices(): number[];
  seen(): number;
};

function summarize(kept: boolean[], duplicateOf: (number | null)[], maxSimilarity: number[]): BatchDedup {
  const n = kept.filter(Boolean).length;
  return { kept, duplicateOf, maxSimilarity, uniqueRate: kept.length === 0 ? 1 : n / kept.length };
}

/** dot(a[ao+from .. ao+to), b[bo+from .. bo+to)), unrolled by 4: the hot loop. */
function partialDot(
  a: Float32Array,
  ao: number,
  b: Float32Array,
  bo: number,
  from: number,
  to: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = from;
  for (; k + 3 < to; k += 4) {
    s0 += (a[ao + k] as number) * (b[bo + k] as number);
    s1 += (a[ao + k + 1] as number) * (b[bo + k + 1] as number);
    s2 += (a[ao + k + 2] as number) * (b[bo + k + 2] as number);
    s3 += (a[ao + k + 3] as number) * (b[bo + k + 3] as number);
  }
  for (; k < to; k += 1) s0 += (a[ao + k] as number) * (b[bo + k] as number);
  return s0 + s1 + s2 + s3;
}

/**
 * Dedup over embedding vectors (any length, normalized here); the first vector fixes the dimension.
 * Exact early exit: after the first quarter (and half) of the dimensions, the rest of a dot product
 * is at most the product of the two vectors' remaining norms (Cauchy–Schwarz), so a pair that cannot
 * pass the threshold any more is skipped. Random directions are skipped after a quarter.
 */
export function createEmbeddingDeduper(threshold = EMBEDDING_DUPLICATE_THRESHOLD) {
  let dimensions = 0;
  let q1 = 0;
  let q2 = 0;
  let rows = new Float32Array(0);
  // Per kept row: the norm of its part after q1 and after q2.
  let tails = new Float64Array(0);
  const keptIdx: number[] = [];
  let seen = 0;
  let current = new Float32Array(0);

  function tailNorm(v: Float32Array, o: number, from: number): number {
    return Math.sqrt(Math.max(0, partialDot(v, o, v, o, from, dimensions)));
  }

  function push() {
    const k = keptIdx.length;
    if ((k + 1) * dimensions > rows.length) {
      const grown = new Float32Array(Math.max((k + 1) * dimensions, rows.length * 2));
      grown.set(rows);
      rows = grown;
      const t = new Float64Array(Math.max(2 * (k + 1), tails.length * 2));
      t.set(tails);
      tails = t;
    }
    rows.set(current, k * dimensions);
    tails[2 * k] = tailNorm(current, 0, q1);
    tails[2 * k + 1] = tailNorm(current, 0, q2);
  }

  function add(vectors: readonly ArrayLike<number>[]): BatchDedup {
    const kept: boolean[] = [];
    const duplicateOf: (number | null)[] = [];
    const maxSimilarity: number[] = [];
    for (const v of vectors) {
      if (dimensions === 0) {
        dimensions = v.length;
        q1 = Math.floor(dimensions / 4);
        q2 = Math.floor(dimensions / 2);
        current = new Float32Array(dimensions);
      }
      if (v.length !== dimensions)
        throw new RangeError(
          `seed ${seen + 1}'s embedding has ${v.length} dimensions, expected ${dimensions}`,
        );
      let sum = 0;
      for (let k = 0; k < dimensions; k += 1) sum += at(v, k) * at(v, k);
      const norm = Math.sqrt(sum) || 1;
      for (let k = 0; k < dimensions; k += 1) current[k] = at(v, k) / norm;
      const t1 = tailNorm(current, 0, q1);
      const t2 = tailNorm(current, 0, q2);
      let best = 0;
      let match: number | null = null;
      for (let r = 0; r < keptIdx.length && match === null; r += 1) {
        const o = r * dimensions;
        let dot = partialDot(current, 0, rows, o, 0, q1);
        if (dot + t1 * (tails[2 * r] as number) <= threshold) continue;
        dot += partialDot(current, 0, rows, o, q1, q2);
        if (dot + t2 * (tails[2 * r + 1] as number) <= threshold) continue;
        dot += partialDot(current, 0, rows, o, q2, dimensions);
        if (dot > best) best = dot;
        if (dot > threshold) match = at(keptIdx, r);
      }
      kept.push(match === null);
      duplicateOf.push(match);
      maxSimilarity.push(best);
      if (match === null) {
        push();
        keptIdx.push(seen);
      }
      seen += 1;
    }
    return summarize(kept, duplicateOf, maxSimilarity);
  }

  const deduper: Deduper & { add: typeof add } = {
    method: "embeddings",
    threshold,
    keptIndices: () => [...keptIdx],
    seen: () => seen,
    add,
  };
  return deduper;
}

/**
 * Dedup over TF-IDF vectors. The idf is taken over every seed seen so far, this batch included, and
 * the kept seeds' norms are recomputed with it each batch, so one call with all seeds equals the
 * whole-corpus TF-IDF cosine of lib/text/tfidf.ts.
 */
export function createTfidfDeduper(threshold = TFIDF_DUPLICATE_THRESHOLD) {
  const vocab = new Map<string, number>();
  const df: number[] = [];
  let seen = 0;
  const keptIdx: number[] = [];
  const keptCounts: Map<number, number>[] = [];
  let keptNorms = new Float64Array(0);
  // term id → [kept position, count, kept position, count, …]
  const postings = new Map<number, number[]>();
  let scores = new Float64Array(64);

  function add(texts: readonly string[]): BatchDedup {
    const counts = texts.map((t) => termCounts(t, vocab));
    for (const c of counts) for (const id of c.keys()) df[id] = (df[id] ?? 0) + 1;
    const n = seen + texts.length;
    const idf = (id: number) => smoothIdf(n, df[id] ?? 0);
    const normOf = (c: Map<number, number>) => {
      let s = 0;
      for (const [id, tf] of c) s += (tf * idf(id)) ** 2;
      return Math.sqrt(s);
    };
    keptNorms = Float64Array.from(keptCounts, normOf);

    const kept: boolean[] = [];
    const duplicateOf: (number | null)[] = [];
    const maxSimilarity: number[] = [];
    for (const c of counts) {
      const norm = normOf(c);
      if (scores.length < keptCounts.length) scores = new Float64Array(keptCounts.length * 2);
      const touched: number[] = [];
      for (const [id, tf] of c) {
        const list = postings.get(id);
        if (!list) continue;
        const w = tf * idf(id) * idf(id);
        for (let p = 0; p < list.length; p += 2) {
          const k = list[p] as number;
          if (scores[k] === 0) touched.push(k);
          scores[k] = (scores[k] as number) + w * (list[p + 1] as number);
        }
      }
      let best = 0;
      let match: number | null = null;
      for (const k of touched) {
        const denom = norm * at(keptNorms, k);
        const cos = denom === 0 ? 0 : at(scores, k) / denom;
        scores[k] = 0;
        if (cos > best) best = cos;
        if (cos > threshold && (match === null || k < match)) match = k;
      }
      kept.push(match === null);
      duplicateOf.push(match === null ? null : at(keptIdx, match));
      maxSimilarity.push(best);
      if (match === null) {
        const k = keptCounts.length;
        for (const [id, tf] of c) {
          const list = postings.get(id);
          if (list) list.push(k, tf);
          else postings.set(id, [k, tf]);
        }
        keptCounts.push(c);
        const grown = new Float64Array(k + 1);
        grown.set(keptNorms);
        grown[k] = norm;
        keptNorms = grown;
        keptIdx.push(seen);
      }
      seen += 1;
    }
    return summarize(kept, duplicateOf, maxSimilarity);
  }

  const deduper: Deduper & { add: typeof add } = {
    method: "tfidf",
    threshold,
    keptIndices: () => [...keptIdx],
    seen: () => seen,
    add,
  };
  return deduper;
}
