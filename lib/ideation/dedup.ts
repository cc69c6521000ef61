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
// Speed: embeddings are kept as one normalized Float32Array and each comparison stops at the first
// kept seed above the threshold; TF-IDF compares through an inverted index of the kept seeds, so a
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
  /** For every seed, its highest similarity to an earlier kept seed (0 for the first). */
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

/** Dedup over embedding vectors (any length, normalized here); the first vector fixes the dimension. */
export function createEmbeddingDeduper(threshold = EMBEDDING_DUPLICATE_THRESHOLD) {
  let dimensions = 0;
  let rows = new Float32Array(0);
  const keptIdx: number[] = [];
  let seen = 0;
  let current = new Float32Array(0);

  function push() {
    const need = (keptIdx.length + 1) * dimensions;
    if (need > rows.length) {
      const grown = new Float32Array(Math.max(need, rows.length * 2));
      grown.set(rows);
      rows = grown;
    }
    rows.set(current, keptIdx.length * dimensions);
  }

  function add(vectors: readonly ArrayLike<number>[]): BatchDedup {
    const kept: boolean[] = [];
    const duplicateOf: (number | null)[] = [];
    const maxSimilarity: number[] = [];
    for (const v of vectors) {
      if (dimensions === 0) {
        dimensions = v.length;
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
      let best = 0;
      let match: number | null = null;
      for (let r = 0; r < keptIdx.length && match === null; r += 1) {
        const o = r * dimensions;
        let dot = 0;
        for (let k = 0; k < dimensions; k += 1) dot += (current[k] as number) * (rows[o + k] as number);
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
