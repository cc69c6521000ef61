import { at } from "@/lib/assert";
import { createRandom } from "@/lib/assignment/prng";

// Seeded synthetic seed ideas with planted near-duplicates, for the dedup test and
// scripts/bench-dedup.ts: `distinct` base ideas, and every other seed a noisy copy of an earlier
// base (so in generation order the first occurrence of each base is the one to keep).

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Which base each seed copies (−1 = it is that base's first occurrence), in generation order. */
function plan(count: number, distinct: number, random: () => number): number[] {
  if (distinct < 1 || distinct > count) throw new RangeError("distinct must be in [1, count]");
  const firstAt = new Set<number>([0]);
  while (firstAt.size < distinct) firstAt.add(Math.floor(random() * count));
  const out: number[] = [];
  let bases = 0;
  for (let i = 0; i < count; i += 1) {
    if (firstAt.has(i)) {
      out.push(-1 - bases);
      bases += 1;
    } else out.push(Math.floor(random() * bases));
  }
  return out;
}

export type SyntheticEmbeddings = { vectors: Float32Array[]; expectedKept: number[] };

/**
 * `count` vectors of `dimensions` dims: `distinct` random directions (near-orthogonal in high
 * dimension), the rest copies of an earlier base with noise of relative size `noise` (0.3 gives a
 * cosine of about 0.96 to the base, far above 0.8).
 */
export function syntheticEmbeddings({
  count,
  distinct,
  dimensions,
  seed,
  noise = 0.3,
}: {
  count: number;
  distinct: number;
  dimensions: number;
  seed: number;
  noise?: number;
}): SyntheticEmbeddings {
  const random = createRandom(seed);
  const bases: Float32Array[] = [];
  const vectors: Float32Array[] = [];
  const expectedKept: number[] = [];
  const scale = noise / Math.sqrt(dimensions);
  plan(count, distinct, random).forEach((p, i) => {
    if (p < 0) {
      const v = Float32Array.from({ length: dimensions }, () => gaussian(random) / Math.sqrt(dimensions));
      bases.push(v);
      vectors.push(v);
      expectedKept.push(i);
    } else {
      const base = at(bases, p);
      vectors.push(Float32Array.from(base, (x) => x + gaussian(random) * scale));
    }
  });
  return { vectors, expectedKept };
}

// 1,600 pseudo-words ("bako", "dilu", …): a vocabulary large enough that random mixes share little.
const SYLLABLES =
  "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo".split(
    " ",
  );
const WORDS = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => `${a}${b}`));

/** `count` seed texts: `distinct` random word mixes, the rest lightly reworded copies of earlier ones. */
export function syntheticSeedTexts({
  count,
  distinct,
  seed,
}: {
  count: number;
  distinct: number;
  seed: number;
}): { texts: string[]; expectedKept: number[] } {
  const random = createRandom(seed);
  const word = () => at(WORDS, Math.floor(random() * WORDS.length));
  const bases: string[][] = [];
  const texts: string[] = [];
  const expectedKept: number[] = [];
  plan(count, distinct, random).forEach((p, i) => {
    if (p < 0) {
      const words = Array.from({ length: 24 }, word);
      bases.push(words);
      texts.push(`Idea ${bases.length}: ${words.join(" ")}.`);
      expectedKept.push(i);
    } else {
      // Reworded: about one word in six replaced, the order kept.
      const words = at(bases, p).map((w) => (random() < 1 / 6 ? word() : w));
      texts.push(`A variant: ${words.join(" ")}.`);
    }
  });
  return { texts, expectedKept };
}
