import { createRandom, hashSeed } from "@/lib/assignment/prng";

// Ranking with reproducible ties: equal scores are ordered by a draw seeded with (seed, paper id),
// then by id, so the same inputs and seed give the same order on every machine and in every
// order the store returned the papers.

function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in [0, 1) fixed by the seed and the id. */
export function tieDraw(seed: number, id: string): number {
  return createRandom((hashSeed(seed) ^ hashId(id)) >>> 0)();
}

/** Items sorted by score, highest first; ties by the seeded draw, then by id. */
export function rankByScore<T extends { id: string }>(
  items: readonly T[],
  score: (item: T) => number,
  seed: number,
): T[] {
  const keyed = items.map((item) => ({ item, score: score(item), draw: tieDraw(seed, item.id) }));
  keyed.sort(
    (a, b) =>
      b.score - a.score || a.draw - b.draw || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
  return keyed.map((k) => k.item);
}
