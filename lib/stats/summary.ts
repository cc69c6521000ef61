// Summary statistics of one sample. Inputs are sorted once by the caller, so the median, min and
// max are read off and the same sorted arrays feed the rank tests without sorting again.

import { at } from "@/lib/assert";

export type Summary = {
  n: number;
  mean: number | null;
  median: number | null;
  /** Sample SD (n − 1); null below 2 values. */
  sd: number | null;
  se: number | null;
  min: number | null;
  max: number | null;
};

/**
 * Scores are mostly small integers (a 1–10 scale): for those a counting sort is linear and several
 * times faster than the builtin sort, which everything else still uses.
 */
export function sortInPlace(values: Float64Array): void {
  const n = values.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i += 1) {
    const v = values[i] as number;
    if (!Number.isInteger(v)) {
      values.sort();
      return;
    }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (n < 64 || hi - lo >= n) {
    values.sort();
    return;
  }
  const counts = new Int32Array(hi - lo + 1);
  for (const v of values) counts[v - lo] = at(counts, v - lo) + 1;
  let i = 0;
  for (let r = 0; r < counts.length; r += 1) {
    values.fill(lo + r, i, i + (counts[r] as number));
    i += counts[r] as number;
  }
}

/** A sorted copy; missing values (NaN) are the caller's to drop first. */
export function sortValues(values: Float64Array): Float64Array {
  const copy = Float64Array.from(values);
  sortInPlace(copy);
  return copy;
}

export function computeMean(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i] as number;
  return sum / values.length;
}

/** Two-pass sample variance: the one-pass formula loses digits when the mean is large. */
export function computeVariance(values: Float64Array, mean: number): number {
  let squares = 0;
  for (let i = 0; i < values.length; i += 1) {
    const d = (values[i] as number) - mean;
    squares += d * d;
  }
  return squares / (values.length - 1);
}

export function summarizeSorted(sorted: Float64Array): Summary {
  const n = sorted.length;
  if (n === 0) return { n, mean: null, median: null, sd: null, se: null, min: null, max: null };
  // Sums of scores near the double limit overflow; such a statistic is absent, never Infinity.
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const mean = finite(computeMean(sorted));
  const half = n >> 1;
  const median = finite(
    n % 2 === 1 ? (sorted[half] as number) : ((sorted[half - 1] as number) + (sorted[half] as number)) / 2,
  );
  const sd = n < 2 || mean === null ? null : finite(Math.sqrt(computeVariance(sorted, mean)));
  return {
    n,
    mean,
    median,
    sd,
    se: sd === null ? null : sd / Math.sqrt(n),
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
  };
}
