// The only file that imports @stdlib: the distributions and tests come from that well-tested
// library (the spec forbids hand-written distribution functions), behind a few typed calls that
// return plain numbers, so the rest of lib/stats never sees its result objects or its throws.
// Mann–Whitney U (not in stdlib) and Wilcoxon signed-rank (stdlib's counts ties in O(n²)) compute
// their statistics in lib/stats and take their p from the distributions here.
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import signrankCdf from "@stdlib/stats-base-dists-signrank-cdf";
import padjust from "@stdlib/stats-padjust";
import ttest from "@stdlib/stats-ttest";
import ttest2 from "@stdlib/stats-ttest2";

export type TTestResult = { t: number; df: number; p: number; ciLow: number; ciHigh: number };
export type Correction = "bonferroni" | "holm" | "bh";

/** Welch two-sample two-sided t-test of x − y, 95% CI of the difference in means. */
export function runWelchTest(x: Float64Array, y: Float64Array): TTestResult {
  const r = ttest2(x, y, { variance: "unequal", alternative: "two-sided", alpha: 0.05 });
  return { t: r.statistic, df: r.df, p: r.pValue, ciLow: r.ci[0] as number, ciHigh: r.ci[1] as number };
}

/** One-sample two-sided t-test against 0 (n − 1 df), 95% CI of the mean. */
export function runOneSampleTest(x: Float64Array): TTestResult {
  const r = ttest(x, { mu: 0, alternative: "two-sided", alpha: 0.05 });
  return { t: r.statistic, df: r.df, p: r.pValue, ciLow: r.ci[0] as number, ciHigh: r.ci[1] as number };
}

/** P(T ≤ t) for the Wilcoxon signed-rank statistic T of n non-zero differences without ties. */
export function signedRankCdf(t: number, n: number): number {
  return signrankCdf(t, n);
}

/** Standard normal P(Z ≤ z). */
export function standardNormalCdf(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Standard normal quantile, e.g. 1.959963… for 0.975. */
export function standardNormalQuantile(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** Adjusted p-values in the input order; the family is exactly the p-values given. */
export function adjustPValues(pValues: readonly number[], correction: Correction): number[] {
  if (pValues.length === 0) return [];
  return padjust([...pValues], correction);
}
