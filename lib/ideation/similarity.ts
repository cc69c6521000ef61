import { at } from "@/lib/assert";
import { normalizedRows, rowDot, sparseCosine, tfidfVectors } from "@/lib/text/tfidf";
import type { DedupMethod } from "./dedup";

// The idea similarity map (issue 14): pairwise cosine similarity of a study's ideas, summarized as
// the mean by condition pair (within a condition on the diagonal) and the most similar pairs across
// conditions — a leak or copy check. Embeddings when given (one per idea), else TF-IDF over these
// ideas' texts (lib/text/tfidf.ts, the same measure dedup falls back to).

export type SimilarityItem = { id: string; condition: string; text: string };
export type ConditionPairMean = { a: string; b: string; mean: number; pairs: number };
export type SimilarPair = {
  a: string;
  b: string;
  conditionA: string;
  conditionB: string;
  similarity: number;
};
export type SimilarityMap = {
  method: DedupMethod;
  conditions: string[];
  /** Condition pairs a ≤ b (by the conditions' order); within a condition when a === b. */
  means: ConditionPairMean[];
  /** Cross-condition pairs, most similar first. */
  top: SimilarPair[];
};

export function similarityMap({
  items,
  embeddings = null,
  topK = 20,
}: {
  items: readonly SimilarityItem[];
  embeddings?: readonly ArrayLike<number>[] | null;
  topK?: number;
}): SimilarityMap {
  if (embeddings && embeddings.length !== items.length)
    throw new RangeError(`${embeddings.length} embeddings for ${items.length} ideas`);
  let sim: (i: number, j: number) => number;
  if (embeddings && embeddings.length > 0) {
    const dims = at(embeddings, 0).length;
    const rows = normalizedRows(embeddings, dims);
    sim = (i, j) => rowDot(rows, i, rows, j, dims);
  } else {
    const vectors = tfidfVectors(items.map((x) => x.text));
    sim = (i, j) => sparseCosine(at(vectors, i), at(vectors, j));
  }
  const conditions = [...new Set(items.map((x) => x.condition))].sort();
  const order = new Map(conditions.map((c, i) => [c, i]));
  const sums = new Map<string, { sum: number; n: number }>();
  const top: SimilarPair[] = [];
  for (let i = 0; i < items.length; i += 1) {
    for (let j = i + 1; j < items.length; j += 1) {
      let x = at(items, i);
      let y = at(items, j);
      if ((order.get(x.condition) ?? 0) > (order.get(y.condition) ?? 0)) [x, y] = [y, x];
      const s = sim(i, j);
      const key = `${x.condition}\u0000${y.condition}`;
      const cell = sums.get(key) ?? { sum: 0, n: 0 };
      cell.sum += s;
      cell.n += 1;
      sums.set(key, cell);
      if (x.condition !== y.condition)
        top.push({ a: x.id, b: y.id, conditionA: x.condition, conditionB: y.condition, similarity: s });
    }
  }
  top.sort((p, q) => q.similarity - p.similarity || (p.a + p.b < q.a + q.b ? -1 : 1));
  const means: ConditionPairMean[] = [];
  conditions.forEach((a, i) => {
    for (const b of conditions.slice(i)) {
      const cell = sums.get(`${a}\u0000${b}`);
      if (cell) means.push({ a, b, mean: cell.sum / cell.n, pairs: cell.n });
    }
  });
  return {
    method: embeddings && embeddings.length > 0 ? "embeddings" : "tfidf",
    conditions,
    means,
    top: top.slice(0, topK),
  };
}
