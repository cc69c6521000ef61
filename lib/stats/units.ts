// Observations for the three units of analysis, read from the indexed table: sorted groups of
// review scores, idea means, and per-reviewer means paired across two conditions.

import { at } from "@/lib/assert";
import type { IndexedReviews } from "./indexed";
import { sortInPlace } from "./summary";

export type Unit = "review" | "idea" | "reviewer";
export const UNITS: readonly Unit[] = ["review", "idea", "reviewer"];

/** Splits values into groups by key (0 ≤ key < groups), dropping NaN; each group sorted. */
export function groupSorted(values: Float64Array, keys: Int32Array, groups: number): Float64Array[] {
  const counts = new Int32Array(groups);
  for (let i = 0; i < values.length; i += 1) {
    if (Number.isNaN(values[i] as number)) continue;
    const k = at(keys, i);
    counts[k] = at(counts, k) + 1;
  }
  const out = Array.from(counts, (count) => new Float64Array(count));
  const filled = new Int32Array(groups);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    const k = keys[i] as number;
    const slot = at(filled, k);
    at(out, k)[slot] = v;
    filled[k] = slot + 1;
  }
  for (const group of out) sortInPlace(group);
  return out;
}

/** Unit "review": each condition's scores of the metric, sorted (computed once per metric). */
export function groupReviewScores(data: IndexedReviews, metric: string): Float64Array[] {
  let groups = data.sortedByCondition.get(metric);
  if (groups === undefined) {
    groups = groupSorted(data.scores.get(metric) as Float64Array, data.condition, data.conditions.length);
    data.sortedByCondition.set(metric, groups);
  }
  return groups;
}

/** Mean of the non-missing values per key (a negative key is left out); NaN for a key with none. */
export function averageByKey(values: Float64Array, keys: Int32Array, size: number): Float64Array {
  const sums = new Float64Array(size);
  const counts = new Int32Array(size);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] as number;
    const k = keys[i] as number;
    if (Number.isNaN(v) || k < 0) continue;
    sums[k] = at(sums, k) + v;
    counts[k] = at(counts, k) + 1;
  }
  for (let k = 0; k < size; k += 1)
    sums[k] = counts[k] === 0 ? Number.NaN : (sums[k] as number) / (counts[k] as number);
  return sums;
}

/** Each (condition, idea) pair's mean score of the metric; NaN where it has none (cached). */
export function averagePairs(data: IndexedReviews, metric: string): Float64Array {
  let means = data.pairMeans.get(metric);
  if (means === undefined) {
    means = averageByKey(data.scores.get(metric) as Float64Array, data.pair, data.pairCount);
    data.pairMeans.set(metric, means);
  }
  return means;
}

/** Unit "idea": each (condition, idea)'s mean score, grouped by condition and sorted. */
export function groupIdeaMeans(data: IndexedReviews, metric: string): Float64Array[] {
  return groupSorted(averagePairs(data, metric), data.pairCondition, data.conditions.length);
}

/** Unit "reviewer": mean per reviewer × condition (index reviewer * conditions + condition). */
export function averageByReviewer(data: IndexedReviews, metric: string): Float64Array {
  const size = data.reviewerCount * data.conditions.length;
  return averageByKey(data.scores.get(metric) as Float64Array, data.reviewerCondition, size);
}

/** The reviewers with a mean in both conditions: their two means, in reviewer order. */
export function pairReviewerMeans(
  byReviewer: Float64Array,
  conditionCount: number,
  condition: number,
  baseline: number,
): { condition: Float64Array; baseline: Float64Array } {
  const c: number[] = [];
  const b: number[] = [];
  for (let r = 0; r * conditionCount < byReviewer.length; r += 1) {
    const mc = byReviewer[r * conditionCount + condition] as number;
    const mb = byReviewer[r * conditionCount + baseline] as number;
    if (!Number.isNaN(mc) && !Number.isNaN(mb)) {
      c.push(mc);
      b.push(mb);
    }
  }
  return { condition: Float64Array.from(c), baseline: Float64Array.from(b) };
}
