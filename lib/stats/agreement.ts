// Inter-rater agreement per metric: Krippendorff's alpha with the interval metric, over the ideas
// (the spec's unit: the (condition, idea) pair) that have at least 2 scores of that metric.
// alpha = 1 − D_o / D_e, written with squared deviations from means rather than the coincidence
// matrix: Σ_{i≠j}(v_i − v_j)² = 2m Σ(v − mean)², which is O(n) and loses no digits to cancellation.

import { at } from "@/lib/assert";
import { type IndexedReviews, indexReviews } from "./indexed";
import type { TidyTable } from "./tidy";
import { averagePairs } from "./units";

export type AgreementRow = {
  metric: string;
  alpha: number | null;
  /** Ideas with ≥ 2 scores of the metric. */
  ideas: number;
  /** Scores in those ideas (the pairable values). */
  reviews: number;
  note: string;
};

export function computeAlphaIndexed(data: IndexedReviews, metric: string): AgreementRow {
  const values = data.scores.get(metric) as Float64Array;
  const means = averagePairs(data, metric);
  const counts = new Int32Array(data.pairCount);
  const within = new Float64Array(data.pairCount);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    const p = data.pair[i] as number;
    const d = v - (means[p] as number);
    counts[p] = at(counts, p) + 1;
    within[p] = at(within, p) + d * d;
  }
  let ideas = 0;
  let n = 0;
  let sum = 0;
  let observed = 0;
  for (let p = 0; p < data.pairCount; p += 1) {
    const m = counts[p] as number;
    if (m < 2) continue;
    ideas += 1;
    n += m;
    sum += m * (means[p] as number);
    observed += (2 * m * (within[p] as number)) / (m - 1);
  }
  if (ideas === 0)
    return { metric, alpha: null, ideas, reviews: n, note: `no idea has 2 or more ${metric} scores` };
  const grand = sum / n;
  let total = 0;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] as number;
    if (Number.isNaN(v) || (counts[data.pair[i] as number] as number) < 2) continue;
    total += (v - grand) * (v - grand);
  }
  if (!(total > 0))
    return {
      metric,
      alpha: null,
      ideas,
      reviews: n,
      note: `every ${metric} score is ${grand}: alpha is undefined`,
    };
  const observedDisagreement = observed / n;
  const expectedDisagreement = (2 * n * total) / (n * (n - 1));
  return { metric, alpha: 1 - observedDisagreement / expectedDisagreement, ideas, reviews: n, note: "" };
}

export function computeAgreement(
  table: TidyTable,
  metrics: readonly string[] = table.metrics,
): AgreementRow[] {
  const data = indexReviews(table.rows, metrics);
  return metrics.map((metric) => computeAlphaIndexed(data, metric));
}
