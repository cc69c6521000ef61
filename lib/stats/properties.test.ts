import { describe, expect, it } from "vitest";
import type { SignificanceRow } from "./compare";
import { collectNumbers } from "./fixtures/make-table";
import { analyzeReviews } from "./index";
import { computeSignificance } from "./significance";
import { generateReviews, type ReviewShape } from "./synthetic";
import type { TidyTable } from "./tidy";

const SMALL: ReviewShape = {
  reviews: 240,
  metrics: ["novelty", "overall"],
  conditions: ["Human", "AI", "AI+Rerank"],
  topics: 3,
  reviewers: 12,
  reviewsPerIdea: 3,
  effects: [0, 0.4, 0.8],
  missing: 0.1,
};
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const key = (r: SignificanceRow) => `${r.unit}/${r.metric}/${r.condition}`;

function mapScores(table: TidyTable, f: (x: number) => number): TidyTable {
  return {
    ...table,
    rows: table.rows.map((row) => ({
      ...row,
      scores: Object.fromEntries(Object.entries(row.scores).map(([m, s]) => [m, s === null ? null : f(s)])),
    })),
  };
}

describe.each(SEEDS)("random tables, seed %i", (seed) => {
  const table = generateReviews({ ...SMALL, reviews: 60 + seed * 40 }, seed);

  it("gives finite numbers, p in [0, 1], and intervals around their estimates", () => {
    const analysis = analyzeReviews(table, { baseline: "Human" });
    expect(collectNumbers(analysis).every(Number.isFinite)).toBe(true);
    for (const row of [...analysis.significance, ...analysis.topics]) {
      if (row.pValue === null) continue;
      expect(row.pValue).toBeGreaterThanOrEqual(0);
      expect(row.pValue).toBeLessThanOrEqual(1);
      expect(row.pAdjusted as number).toBeGreaterThanOrEqual(row.pValue);
      expect(row.ciLow as number).toBeLessThanOrEqual(row.meanDiff as number);
      expect(row.ciHigh as number).toBeGreaterThanOrEqual(row.meanDiff as number);
      expect(Math.sign(row.t as number)).toBe(Math.sign(row.meanDiff as number));
      expect(row.effectCiLow as number).toBeLessThanOrEqual(row.effectSize as number);
    }
  });

  it("orders the corrections: BH ≤ Holm ≤ Bonferroni", () => {
    const [bonferroni, holm, bh] = (["bonferroni", "holm", "bh"] as const).map((correction) =>
      computeSignificance(table, { baseline: "Human", correction, family: "unit" }),
    );
    (bonferroni as SignificanceRow[]).forEach((row, i) => {
      if (row.pAdjusted === null) return;
      const h = holm?.[i]?.pAdjusted as number;
      expect(h).toBeLessThanOrEqual(row.pAdjusted + 1e-15);
      expect(bh?.[i]?.pAdjusted as number).toBeLessThanOrEqual(h + 1e-15);
    });
  });

  it("is antisymmetric in condition and baseline", () => {
    const forward = computeSignificance(table, { baseline: "Human" }).filter((r) => r.condition === "AI");
    const back = new Map(
      computeSignificance(table, { baseline: "AI" })
        .filter((r) => r.condition === "Human")
        .map((r) => [`${r.unit}/${r.metric}`, r]),
    );
    for (const row of forward) {
      const other = back.get(`${row.unit}/${row.metric}`) as SignificanceRow;
      if (row.pValue === null) {
        expect(other.pValue).toBeNull();
        continue;
      }
      expect(other.t).toBeCloseTo(-(row.t as number), 10);
      expect(other.pValue).toBeCloseTo(row.pValue, 12);
      expect(other.robustP).toBeCloseTo(row.robustP as number, 12);
      expect(other.effectSize).toBeCloseTo(-(row.effectSize as number), 10);
    }
  });

  it("gives the same p-values after a positive linear rescaling of every score", () => {
    const base = computeSignificance(table, { baseline: "Human" });
    const scaled = computeSignificance(
      mapScores(table, (x) => 3 * x + 7),
      { baseline: "Human" },
    );
    expect(scaled.map(key)).toEqual(base.map(key));
    scaled.forEach((row, i) => {
      const b = base[i] as SignificanceRow;
      if (b.pValue === null) {
        expect(row.pValue).toBeNull();
        return;
      }
      expect(row.pValue).toBeCloseTo(b.pValue, 9);
      expect(row.robustP).toBeCloseTo(b.robustP as number, 9);
      expect(row.effectSize).toBeCloseTo(b.effectSize as number, 9);
      expect(row.meanDiff).toBeCloseTo(3 * (b.meanDiff as number), 9);
    });
  });
});

describe("units", () => {
  it("idea equals review when every idea has one review", () => {
    const table = generateReviews({ ...SMALL, reviews: 150, reviewsPerIdea: 1, missing: 0 }, 11);
    const rows = computeSignificance(table, { baseline: "Human" });
    const byUnit = (unit: string) => rows.filter((r) => r.unit === unit);
    byUnit("idea").forEach((row, i) => {
      const review = byUnit("review")[i] as SignificanceRow;
      expect(row.t).toBeCloseTo(review.t as number, 12);
      expect(row.nCondition).toBe(review.nCondition);
    });
  });
});
