import { at } from "@/lib/assert";
import { tokenize } from "@/lib/chains/text";

// TF-IDF vectors and their cosine, without a model: the fallback for idea dedup
// (lib/ideation/dedup.ts) and the similarity map (lib/ideation/similarity.ts) when no embedding model
// is configured. The weighting is scikit-learn's TfidfVectorizer default (raw term counts × smooth
// idf = ln((1 + n) / (1 + df)) + 1, then L2-normalized), so scripts/tfidf_reference.py can check the
// numbers independently. Terms are lib/chains/text.ts's content words with a light plural strip.

/** Content terms of a text, in order: plural "-s" dropped ("models" → "model", not "loss"). */
export function terms(text: string): string[] {
  return tokenize(text).map((w) =>
    w.length > 4 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w,
  );
}

/** Term id → count for one text, ids from `vocab` (new terms are added to it). */
export function termCounts(text: string, vocab: Map<string, number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of terms(text)) {
    let id = vocab.get(t);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(t, id);
    }
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** scikit-learn's smooth idf. */
export const smoothIdf = (n: number, df: number) => Math.log((1 + n) / (1 + df)) + 1;

/** An L2-normalized sparse vector, ids ascending. Empty when the text has no content word. */
export type SparseVector = { ids: Uint32Array; weights: Float32Array };

/** TF-IDF vectors of `texts`, the idf taken over these texts. */
export function tfidfVectors(texts: readonly string[]): SparseVector[] {
  const vocab = new Map<string, number>();
  const counts = texts.map((t) => termCounts(t, vocab));
  const df = new Uint32Array(vocab.size);
  for (const c of counts) for (const id of c.keys()) df[id] = at(df, id) + 1;
  const idf = Float64Array.from(df, (d) => smoothIdf(texts.length, d));
  return counts.map((c) => {
    const ids = Uint32Array.from([...c.keys()].sort((a, b) => a - b));
    const raw = Float64Array.from(ids, (id) => (c.get(id) ?? 0) * at(idf, id));
    const norm = Math.hypot(...raw) || 1;
    return { ids, weights: Float32Array.from(raw, (w) => w / norm) };
  });
}

/** Cosine of two normalized sparse vectors (a merge of their sorted ids). 0 when either is empty. */
export function sparseCosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = at(a.ids, i);
    const y = at(b.ids, j);
    if (x === y) {
      dot += at(a.weights, i) * at(b.weights, j);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return dot;
}

/** Dense unit vectors as one Float32Array (row-major); a zero vector stays zero. */
export function normalizedRows(vectors: readonly ArrayLike<number>[], dimensions: number): Float32Array {
  const out = new Float32Array(vectors.length * dimensions);
  vectors.forEach((v, r) => {
    if (v.length !== dimensions)
      throw new RangeError(`embedding ${r + 1} has ${v.length} dimensions, expected ${dimensions}`);
    let sum = 0;
    for (let k = 0; k < dimensions; k += 1) sum += at(v, k) * at(v, k);
    const norm = Math.sqrt(sum) || 1;
    for (let k = 0; k < dimensions; k += 1) out[r * dimensions + k] = at(v, k) / norm;
  });
  return out;
}

/** Dot product of rows `r` and `s` of two row-major matrices (the hot loop of dedup and the map). */
export function rowDot(a: Float32Array, r: number, b: Float32Array, s: number, dimensions: number): number {
  const ao = r * dimensions;
  const bo = s * dimensions;
  let dot = 0;
  for (let k = 0; k < dimensions; k += 1) dot += (a[ao + k] as number) * (b[bo + k] as number);
  return dot;
}
