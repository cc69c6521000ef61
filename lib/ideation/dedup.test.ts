import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/assignment/prng";
import {
  createEmbeddingDeduper,
  createTfidfDeduper,
  EMBEDDING_DUPLICATE_THRESHOLD,
  TFIDF_DUPLICATE_THRESHOLD,
} from "./dedup";
import fixture from "./fixtures/near-duplicates.json";
import calibration from "./fixtures/tfidf-calibration.json";
import { syntheticEmbeddings, syntheticSeedTexts } from "./synthetic-seeds";

const texts = fixture.seeds.map((s) => s.text);
const groups = fixture.seeds.map((s) => s.group);

describe("TF-IDF dedup on the near-duplicate fixture", () => {
  it("uses the threshold the calibration script chose", () => {
    expect(TFIDF_DUPLICATE_THRESHOLD).toBe(calibration.threshold);
  });

  it("keeps the first seed of every group and drops later rewordings of it", () => {
    const d = createTfidfDeduper();
    const result = d.add(texts);
    const keptGroups = d.keptIndices().map((i) => groups[i]);
    const firstOfGroup = groups.map((g, i) => groups.indexOf(g) === i);
    // Every duplicate is caught (recall 1 on the fixture) ...
    for (let i = 0; i < texts.length; i += 1) if (!firstOfGroup[i]) expect(result.kept[i]).toBe(false);
    // ... and a dropped seed points at an earlier kept seed of its own group, but for the one
    // distinct pair the calibration reports above the threshold (precision 0.955).
    const wrong = result.duplicateOf
      .map((of, i) => (of === null ? null : groups[of] === groups[i] ? null : i))
      .filter((i) => i !== null);
    expect(wrong.length).toBeLessThanOrEqual(1);
    expect(new Set(keptGroups).size).toBe(keptGroups.length);
    expect(keptGroups.length).toBeGreaterThanOrEqual(new Set(groups).size - 1);
  });

  it("streams: batches of 5 give the same decisions' count and a per-batch unique rate", () => {
    const d = createTfidfDeduper();
    const rates: number[] = [];
    for (let i = 0; i < texts.length; i += 5) rates.push(d.add(texts.slice(i, i + 5)).uniqueRate);
    expect(rates).toHaveLength(Math.ceil(texts.length / 5));
    expect(rates[0]).toBe(0.4); // g01 ×3, g02 ×2: two unique in the first five
    expect(d.seen()).toBe(texts.length);
  });

  it("drops an exact repeat and keeps every seed of a batch of distinct texts", () => {
    const d = createTfidfDeduper();
    expect(d.add(["graph neural networks for molecules", "protein folding with diffusion"]).uniqueRate).toBe(
      1,
    );
    const again = d.add(["graph neural networks for molecules"]);
    expect(again.kept).toEqual([false]);
    expect(again.duplicateOf).toEqual([0]);
    expect(again.maxSimilarity[0]).toBeCloseTo(1, 5);
  });

  it("finds the planted near-duplicates among synthetic texts", () => {
    const { texts: synthetic, expectedKept } = syntheticSeedTexts({ count: 400, distinct: 40, seed: 7 });
    const d = createTfidfDeduper();
    d.add(synthetic);
    expect(d.keptIndices()).toEqual(expectedKept);
  });
});

describe("embedding dedup", () => {
  it("keeps exactly the first occurrence of each planted base (cosine > 0.8 drops the later)", () => {
    const { vectors, expectedKept } = syntheticEmbeddings({
      count: 300,
      distinct: 30,
      dimensions: 256,
      seed: 3,
    });
    const d = createEmbeddingDeduper();
    const result = d.add(vectors);
    expect(d.keptIndices()).toEqual(expectedKept);
    expect(result.uniqueRate).toBeCloseTo(30 / 300, 10);
    expect(d.threshold).toBe(EMBEDDING_DUPLICATE_THRESHOLD);
  });

  it("drops above 0.8 only: a cosine of 0.79 is kept, 0.81 dropped", () => {
    const d = createEmbeddingDeduper();
    const unit = (c: number) => [c, Math.sqrt(1 - c * c)];
    expect(d.add([[1, 0], unit(0.79)]).kept).toEqual([true, true]);
    expect(createEmbeddingDeduper().add([[1, 0], unit(0.81)]).kept).toEqual([true, false]);
  });

  it("its early exit changes nothing: the same decisions as comparing every full dot product", () => {
    const random = createRandom(11);
    // Few, correlated dimensions, so many pairs sit near the threshold.
    const vectors = Array.from({ length: 400 }, () =>
      Array.from({ length: 12 }, (_, k) => random() + (k < 6 ? 1 : 0)),
    );
    const unit = vectors.map((v) => {
      const n = Math.hypot(...v);
      return v.map((x) => x / n);
    });
    const naive: number[] = [];
    unit.forEach((v, i) => {
      const dup = naive.some((j) => v.reduce((s, x, k) => s + x * (unit[j]?.[k] ?? 0), 0) > 0.97);
      if (!dup) naive.push(i);
    });
    const d = createEmbeddingDeduper(0.97);
    d.add(vectors);
    expect(naive.length).toBeGreaterThan(5);
    expect(naive.length).toBeLessThan(395);
    expect(d.keptIndices()).toEqual(naive);
  });

  it("normalizes vectors and rejects a changed dimension naming the seed", () => {
    const d = createEmbeddingDeduper();
    expect(
      d.add([
        [10, 0],
        [0.1, 0],
      ]).kept,
    ).toEqual([true, false]);
    expect(() => d.add([[1, 0, 0]])).toThrow(/seed 3's embedding has 3 dimensions, expected 2/);
  });
});
