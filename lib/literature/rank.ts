// Rank fusion and vector scoring for hybrid search (pure; the db layer feeds it rows).

/** The constant of Cormack et al. (2009): a document's fused score is Σ 1 / (k + rank). */
export const RRF_K = 60;

export type FusedItem = { id: string; score: number; ranks: (number | null)[] };

/**
 * Reciprocal-rank fusion of ranked id lists (best first; ranks are 1-based in the output). Ties in the
 * fused score keep the order of first appearance, so the result is deterministic.
 */
export function fuseByReciprocalRank(lists: string[][], k = RRF_K): FusedItem[] {
  const byId = new Map<string, FusedItem & { first: number }>();
  let order = 0;
  lists.forEach((list, li) => {
    list.forEach((id, i) => {
      let item = byId.get(id);
      if (!item) {
        item = { id, score: 0, ranks: lists.map(() => null), first: order++ };
        byId.set(id, item);
      }
      if (item.ranks[li] != null) return;
      item.ranks[li] = i + 1;
      item.score += 1 / (k + i + 1);
    });
  });
  return [...byId.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .map(({ id, score, ranks }) => ({ id, score, ranks }));
}

/** Scales a vector to unit length so cosine similarity is a dot product. */
export function normalizeVector(v: ArrayLike<number>): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += (v[i] as number) ** 2;
  const out = new Float32Array(v.length);
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < v.length; i++) out[i] = (v[i] as number) * scale;
  return out;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** The k candidates most similar to the (unit) query, best first; ties by id for determinism. */
export function topKByCosine(
  query: Float32Array,
  candidates: Iterable<{ id: string; vector: Float32Array }>,
  k: number,
): { id: string; score: number }[] {
  const scored: { id: string; score: number }[] = [];
  for (const c of candidates) {
    if (c.vector.length !== query.length) continue;
    scored.push({ id: c.id, score: dot(query, c.vector) });
  }
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, k);
}
