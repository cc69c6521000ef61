import { describe, expect, it } from "vitest";
import { isClose, loadExpected } from "./fixtures/load-fixtures";
import { computeMannWhitneyP } from "./mann-whitney";
import { sortValues } from "./summary";
import { computeWilcoxonP } from "./wilcoxon";

const expected = loadExpected();

describe("computeWilcoxonP matches scipy.stats.wilcoxon (zero_method wilcox, no correction)", () => {
  it.each(expected.wilcoxon_cases)("$name", ({ d, p }) => {
    const actual = computeWilcoxonP(Float64Array.from(d));
    expect(isClose(actual, p, 1e-9), `${actual} vs ${p}`).toBe(true);
  });

  it("uses the exact distribution for a small sample without ties: 2 / 2^6 when all 6 are positive", () => {
    expect(computeWilcoxonP(Float64Array.from([1, 2, 3, 4, 5, 6]))).toBeCloseTo(2 / 64, 15);
  });

  it("is null when every difference is zero", () => {
    expect(computeWilcoxonP(Float64Array.from([0, 0, 0]))).toBeNull();
  });

  it("is symmetric in the sign of the differences", () => {
    const d = Float64Array.from([0.5, -1.25, 2, 3.5, -0.75, 4, 1.5, 2.25, 2.25, -3]);
    expect(computeWilcoxonP(d.map((x) => -x))).toBeCloseTo(computeWilcoxonP(d) as number, 15);
  });
});

describe("computeMannWhitneyP matches scipy.stats.mannwhitneyu (asymptotic, continuity)", () => {
  it.each(expected.mann_whitney_cases)("$name", ({ x, y, p }) => {
    const actual = computeMannWhitneyP(sortValues(Float64Array.from(x)), sortValues(Float64Array.from(y)));
    expect(isClose(actual, p, 1e-9), `${actual} vs ${p}`).toBe(true);
  });

  it("is null when every value in both groups is the same", () => {
    expect(computeMannWhitneyP(Float64Array.from([4, 4]), Float64Array.from([4, 4, 4]))).toBeNull();
  });
});
