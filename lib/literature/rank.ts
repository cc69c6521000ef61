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

/** Dot products of a query with each row of a row-major matrix (rows of `query.length` floats). */
export function dotRows(query: Float32Array, matrix: Float32Array): Float32Array {
  const dims = query.length;
  const rows = dims > 0 ? Math.floor(matrix.length / dims) : 0;
  const out = new Float32Array(rows);
  for (let r = 0, base = 0; r < rows; r++, base += dims) {
    // Four accumulators: the loop runs 7M multiply-adds per 18k × 384 search.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    for (; i + 3 < dims; i += 4) {
      s0 += (query[i] as number) * (matrix[base + i] as number);
      s1 += (query[i + 1] as number) * (matrix[base + i + 1] as number);
      s2 += (query[i + 2] as number) * (matrix[base + i + 2] as number);
      s3 += (query[i + 3] as number) * (matrix[base + i + 3] as number);
    }
    for (; i < dims; i++) s0 += (query[i] as number) * (matrix[base + i] as number);
    out[r] = s0 + s1 + s2 + s3;
  }
  return out;
}

const better = (scores: Float32Array, a: number, b: number) =>
  (scores[a] as number) > (scores[b] as number) || ((scores[a] as number) === (scores[b] as number) && a < b);

/**
 * The indices of the n best scores, best first (ties by index, so deterministic). A bounded min-heap:
 * O(rows · log n) instead of sorting every row.
 */
export function topIndices(scores: Float32Array, n: number): number[] {
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(scores, heap[worst] as number, heap[l] as number)) worst = l;
      if (r < heap.length && better(scores, heap[worst] as number, heap[r] as number)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst] as number, heap[i] as number];
      i = worst;
    }
  };
  for (let idx = 0; idx < scores.length && n > 0; idx++) {
    if (heap.length < n) {
      heap.push(idx);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!better(scores, heap[parent] as number, heap[i] as number)) break;
        [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
        i = parent;
      }
    } else if (better(scores, idx, heap[0] as number)) {
      heap[0] = idx;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(scores, a, b) ? -1 : 1));
}
