import { describe, expect, it } from "vitest";
import type { SignificanceRow, TidyTable } from "@/lib/stats";
import {
  buildSeries,
  shapeDistribution,
  shapeMeanCi,
  shapeReviewerDiffs,
  shapeTopicMeans,
} from "./chart-data";
import { describeResult, formatStat } from "./format";

function table(
  rows: [topic: string, condition: string, reviewer: string, score: number | null][],
): TidyTable {
  return {
    metrics: ["novelty"],
    extraColumns: [],
    rows: rows.map(([topic, condition, reviewerId, score], i) => ({
      line: i + 2,
      reviewId: `r${i}`,
      ideaId: `i${i}`,
      topic,
      condition,
      reviewerId,
      scores: { novelty: score },
      confidence: null,
      familiarity: null,
      minutes: null,
      submittedAt: "",
      extra: {},
    })),
  };
}

const data = table([
  ["A", "Human", "x", 4],
  ["A", "Human", "y", 6],
  ["B", "Human", "x", 5],
  ["A", "AI", "x", 7],
  ["B", "AI", "y", 9],
  ["B", "AI", "z", null],
  ["B", "AI", "x", 8],
]);
const series = buildSeries(["Human", "AI"]);

describe("chart data", () => {
  it("gives each condition a stable key and a CSS-variable color", () => {
    expect(series).toEqual([
      { key: "c0", name: "Human", color: "var(--chart-1)" },
      { key: "c1", name: "AI", color: "var(--chart-2)" },
    ]);
  });

  it("computes mean ± t interval per condition, skipping missing scores", () => {
    const { rows, cells } = shapeMeanCi(data, ["novelty"], series);
    expect(cells[0]).toMatchObject({ condition: "Human", n: 3, mean: 5 });
    // With 2 df the t quantile has a closed form: (2p − 1) / √(2p(1 − p)); sd = 1, se = 1/√3.
    const t975 = 0.95 / Math.sqrt(2 * 0.975 * 0.025);
    expect(cells[0]?.ciLow).toBeCloseTo(5 - t975 / Math.sqrt(3), 10);
    expect(cells[0]?.ciHigh).toBeCloseTo(5 + t975 / Math.sqrt(3), 10);
    expect(rows[0]?.c1).toBe(8);
    const [below, above] = (rows[0]?.c1Err ?? []) as number[];
    expect(below).toBeCloseTo(above as number, 12);
  });

  it("counts every score step on whole-number scales, including unused ones", () => {
    expect(shapeDistribution(data, "novelty", series).rows).toEqual([
      { score: "4", c0: 1, c1: 0 },
      { score: "5", c0: 1, c1: 0 },
      { score: "6", c0: 1, c1: 0 },
      { score: "7", c0: 0, c1: 1 },
      { score: "8", c0: 0, c1: 1 },
      { score: "9", c0: 0, c1: 1 },
    ]);
  });

  it("spans the form's whole scale when it is known, with empty bars for scores nobody gave", () => {
    const rows = shapeDistribution(data, "novelty", series, { min: 1, max: 10 }).rows;
    expect(rows.map((r) => r.score)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(rows[0]).toEqual({ score: "1", c0: 0, c1: 0 });
    expect(rows[9]).toEqual({ score: "10", c0: 0, c1: 0 });
    expect(rows[3]).toEqual({ score: "4", c0: 1, c1: 0 });
  });

  it("bins each paired reviewer's d once; reviewers without both conditions are left out", () => {
    // x: mean(7, 8) − mean(4, 5) = 3; y: 9 − 6 = 3; z has no score.
    const diffs = shapeReviewerDiffs(data, "novelty", "Human", series);
    expect(diffs.counts).toEqual([{ condition: "AI", reviewers: 2 }]);
    expect(diffs.series.map((s) => s.name)).toEqual(["AI"]);
    expect(diffs.rows).toEqual([{ bin: "3 to 4", from: 3, to: 4, c1: 2 }]);
  });

  it("averages per topic and condition", () => {
    expect(shapeTopicMeans(data, "novelty", series).rows).toEqual([
      { topic: "A", c0: 5, c0N: 2, c1: 7, c1N: 1 },
      { topic: "B", c0: 5, c0N: 1, c1: 8.5, c1N: 2 },
    ]);
  });
});

describe("display", () => {
  it.each([
    [null, ""],
    [24, "24"],
    [5.166666666666667, "5.167"],
    [-12.34567, "-12.346"],
    [0.0234567, "0.0235"],
    [0.000123456, "0.000123"],
    [1.048724024442302e-10, "1.05e-10"],
  ])("rounds %s as %s", (value, text) => {
    expect(formatStat(value)).toBe(text);
  });

  const row = {
    unit: "review",
    metric: "novelty",
    condition: "AI",
    baseline: "Human",
    meanCondition: 5.6412,
    meanBaseline: 4.8371,
    meanDiff: 0.8041,
    pAdjusted: 0.00412,
    stars: "**",
  } as SignificanceRow;

  it("writes one sentence per significant result", () => {
    expect(describeResult(row)).toBe(
      "AI ideas scored higher on novelty than Human ideas: 5.64 vs 4.84, p_adj = 0.004, reviews as units",
    );
    expect(describeResult({ ...row, unit: "reviewer", meanDiff: -1, pAdjusted: 0.0001 })).toBe(
      "AI ideas scored lower on novelty than Human ideas: 5.64 vs 4.84, p_adj < 0.001, reviewers as units",
    );
    expect(describeResult({ ...row, stars: "", pAdjusted: 0.2 })).toBeNull();
  });
});
