// A deterministic embedding for tests and the mock provider: hashed bag of words (feature hashing)
// into a unit vector. Texts sharing words get a positive cosine; the same text always the same vector.

import { at } from "@/lib/assert";
import { normalizeVector } from "./rank";

export const MOCK_EMBEDDING_DIMENSIONS = 64;

function hash(word: string): number {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function mockEmbedding(text: string, dimensions = MOCK_EMBEDDING_DIMENSIONS): Float32Array {
  const v = new Float32Array(dimensions);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const h = hash(word);
    const k = h % dimensions;
    v[k] = at(v, k) + (h & 0x80000000 ? -1 : 1);
  }
  return normalizeVector(v);
}

/** The text a paper is embedded from: title and abstract. */
export const paperEmbeddingText = (p: { title: string; abstract: string }) =>
  `${p.title}\n\n${p.abstract}`.trim();
