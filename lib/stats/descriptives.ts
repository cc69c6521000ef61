// Descriptives per condition × metric at the review level, with the count of missing scores
// (reviews of that condition whose cell for the metric is empty).

import { at } from "@/lib/assert";
import { type IndexedReviews, indexReviews } from "./indexed";
import { summarizeSorted } from "./summary";
import type { TidyTable } from "./tidy";
import { groupReviewScores } from "./units";

export type DescriptiveRow = {
  condition: string;
  metric: string;
  n: number;
  mean: number | null;
  median: number | null;
  sd: number | null;
  se: number | null;
  min: number | null;
  max: number | null;
  missing: number;
};

export function describeIndexed(data: IndexedReviews, metrics: readonly string[]): DescriptiveRow[] {
  const k = data.conditions.length;
  const reviews = new Int32Array(k);
  for (const c of data.condition) reviews[c] = at(reviews, c) + 1;
  const byMetric = metrics.map((metric) => groupReviewScores(data, metric));
  return data.conditions.flatMap((condition, c) =>
    metrics.map((metric, m) => {
      const summary = summarizeSorted((byMetric[m] as Float64Array[])[c] as Float64Array);
      return { condition, metric, ...summary, missing: (reviews[c] as number) - summary.n };
    }),
  );
}

export function computeDescriptives(
  table: TidyTable,
  metrics: readonly string[] = table.metrics,
): DescriptiveRow[] {
  return describeIndexed(indexReviews(table.rows, metrics), metrics);
}
