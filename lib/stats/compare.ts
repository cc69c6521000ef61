// One comparison (condition vs baseline, one metric, one unit) → one significance row. Degenerate
// data gives a row whose test numbers are null and whose note gives the exact reason; the group
// descriptives that exist are kept, so the reader sees why (e.g. n = 1).
import { computeCohenDz, computeHedgesG, type Effect } from "./effect-size";
import { computeMannWhitneyP } from "./mann-whitney";
import { type Correction, runOneSampleTest, runWelchTest, type TTestResult } from "./stdlib";
import { type Summary, sortValues, summarizeSorted } from "./summary";
import type { Unit } from "./units";
import { computeWilcoxonP } from "./wilcoxon";

export type SignificanceRow = {
  unit: Unit;
  metric: string;
  condition: string;
  baseline: string;
  nCondition: number;
  meanCondition: number | null;
  medianCondition: number | null;
  sdCondition: number | null;
  nBaseline: number;
  meanBaseline: number | null;
  medianBaseline: number | null;
  sdBaseline: number | null;
  meanDiff: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  t: number | null;
  df: number | null;
  pValue: number | null;
  pAdjusted: number | null;
  correction: Correction;
  stars: string;
  effectSize: number | null;
  effectCiLow: number | null;
  effectCiHigh: number | null;
  robustP: number | null;
  note: string;
  /**
   * SE, min and max of each group, which the spec asks every row to report; they are shown on the
   * results page but are not columns of significance.csv (whose header the spec fixes).
   */
  seCondition: number | null;
  minCondition: number | null;
  maxCondition: number | null;
  seBaseline: number | null;
  minBaseline: number | null;
  maxBaseline: number | null;
};

export type Comparison = { unit: Unit; metric: string; condition: string; baseline: string };

const NOUNS: Record<Unit, [string, string]> = {
  review: ["review", "reviews"],
  idea: ["idea", "ideas"],
  reviewer: ["reviewer", "reviewers"],
};

const finite = (x: number | null | undefined): number | null =>
  x !== null && x !== undefined && Number.isFinite(x) ? x : null;

function buildRow(
  c: Comparison,
  sc: Summary,
  sb: Summary,
  test: (TTestResult & { meanDiff: number }) | null,
  effect: Effect | null,
  robustP: number | null,
  note: string,
): SignificanceRow {
  // Only scores beyond double range (near 1e308) overflow the sums: say so, and report no test,
  // rather than a row with some numbers silently empty.
  const values = test === null ? [] : [test.t, test.df, test.p, test.ciLow, test.ciHigh, test.meanDiff];
  if (values.some((x) => !Number.isFinite(x)))
    return buildRow(c, sc, sb, null, null, null, "the test overflowed: scores too large");
  return {
    ...c,
    nCondition: sc.n,
    meanCondition: finite(sc.mean),
    medianCondition: finite(sc.median),
    sdCondition: finite(sc.sd),
    nBaseline: sb.n,
    meanBaseline: finite(sb.mean),
    medianBaseline: finite(sb.median),
    sdBaseline: finite(sb.sd),
    meanDiff: finite(test?.meanDiff),
    ciLow: finite(test?.ciLow),
    ciHigh: finite(test?.ciHigh),
    t: finite(test?.t),
    df: finite(test?.df),
    pValue: finite(test?.p),
    pAdjusted: null,
    correction: "bonferroni",
    stars: "",
    effectSize: finite(effect?.value),
    effectCiLow: finite(effect?.ciLow),
    effectCiHigh: finite(effect?.ciHigh),
    robustP: finite(robustP),
    note,
    seCondition: finite(sc.se),
    minCondition: finite(sc.min),
    maxCondition: finite(sc.max),
    seBaseline: finite(sb.se),
    minBaseline: finite(sb.min),
    maxBaseline: finite(sb.max),
  };
}

/** Why two independent groups cannot be tested, or null when they can. */
function explainGroups(c: Comparison, sc: Summary, sb: Summary): string | null {
  const [one, many] = NOUNS[c.unit];
  for (const [label, s] of [
    [`"${c.condition}"`, sc],
    [`baseline "${c.baseline}"`, sb],
  ] as const) {
    if (s.n === 0) return `insufficient data: no ${one} with a score for ${c.metric} in ${label}`;
    if (s.n < 2)
      return `insufficient data: only 1 ${one} with a score for ${c.metric} in ${label} (a test needs at least 2 ${many})`;
  }
  if (sc.sd === 0 && sb.sd === 0)
    return `zero variance in both groups: every ${c.metric} score is ${sc.mean} in "${c.condition}" and ${sb.mean} in "${c.baseline}"`;
  return null;
}

/** Units review and idea: Welch t-test, Hedges' g, Mann–Whitney U. Inputs sorted ascending. */
export function compareGroups(
  c: Comparison,
  condition: Float64Array,
  baseline: Float64Array,
): SignificanceRow {
  const sc = summarizeSorted(condition);
  const sb = summarizeSorted(baseline);
  const reason = explainGroups(c, sc, sb);
  if (reason !== null) return buildRow(c, sc, sb, null, null, null, reason);
  const test = runWelchTest(condition, baseline);
  const meanDiff = (sc.mean as number) - (sb.mean as number);
  const robust = computeMannWhitneyP(condition, baseline);
  return buildRow(c, sc, sb, { ...test, meanDiff }, computeHedgesG(sc, sb), robust, "");
}

/** Unit reviewer: one-sample t-test of d = mean(C) − mean(B) per reviewer, d_z, Wilcoxon. */
export function compareReviewers(
  c: Comparison,
  condition: Float64Array,
  baseline: Float64Array,
): SignificanceRow {
  const n = condition.length;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i += 1) d[i] = (condition[i] as number) - (baseline[i] as number);
  const sc = summarizeSorted(sortValues(condition));
  const sb = summarizeSorted(sortValues(baseline));
  const sd = summarizeSorted(sortValues(d));
  const both = `${c.metric} in both "${c.condition}" and "${c.baseline}"`;
  let reason: string | null = null;
  if (n === 0) reason = `insufficient data: no reviewer scored ${both}`;
  else if (n < 2)
    reason = `insufficient data: only 1 reviewer scored ${both} (a test needs at least 2 reviewers)`;
  else if (sd.sd === 0) reason = `zero variance: every reviewer's difference is ${sd.mean}`;
  if (reason !== null) return buildRow(c, sc, sb, null, null, null, reason);
  const test = runOneSampleTest(d);
  // A difference of two means carries rounding noise (16/3 − 4 ≠ 13/3 − 3 in floating point), which
  // would split true ties and change both the ranks and stdlib's choice of the exact method.
  const robust = computeWilcoxonP(d.map((x) => Number(x.toPrecision(12))));
  return buildRow(c, sc, sb, { ...test, meanDiff: sd.mean as number }, computeCohenDz(sd), robust, "");
}
