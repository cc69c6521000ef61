// Exact multinomial draws with one uniform per category rather than one per unit: resampling N
// matches with replacement only matters through how many copies each distinct "profile" of match
// gets, and those copies are Multinomial(N, c_k/N) for profiles with c_k matches each.

/** Largest mean drawn by plain inversion; q^n then stays far above the smallest double. */
const INVERSION_MEAN = 200;

/** 1/(k+1) for the inversion loop: a table read is several times cheaper than a division. */
const RECIPROCAL = Float64Array.from({ length: 1024 }, (_, k) => 1 / (k + 1));

/**
 * ln(1 − p). Below p = 1e-3 the series to p⁵ is exact to double precision (the next term is
 * p⁶/6 ≤ 1.7e-16·p) and much cheaper than Math.log1p; the bootstrap's categories are mostly tiny.
 */
function logOneMinus(p: number): number {
  return p < 1e-3 ? -p * (1 + p * (0.5 + p * (1 / 3 + p * (0.25 + p * 0.2)))) : Math.log1p(-p);
}

/** Binomial(n, p) by inversion from 0, for p ≤ 0.5 and n·p ≤ INVERSION_MEAN. */
function invertBinomial(random: () => number, n: number, p: number): number {
  const ratio = p / (1 - p);
  let f = Math.exp(n * logOneMinus(p));
  let u = random();
  let k = 0;
  while (u > f && k < n) {
    u -= f;
    f *= ratio * (n - k) * (k < 1024 ? (RECIPROCAL[k] as number) : 1 / (k + 1));
    k += 1;
  }
  return k;
}

/** Binomial(n, p), splitting n when the mean is large (a sum of binomials with one p is exact). */
export function drawBinomial(random: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - drawBinomial(random, n, 1 - p);
  if (n * p > INVERSION_MEAN) {
    const half = Math.floor(n / 2);
    return drawBinomial(random, half, p) + drawBinomial(random, n - half, p);
  }
  return invertBinomial(random, n, p);
}

/**
 * Writes into `out` one draw of Multinomial(Σ weights, weights / Σ weights) by conditional
 * binomials. `weights` are non-negative integers (units per category); out.length >= weights.length.
 */
export function drawMultinomial(random: () => number, weights: Float64Array, out: Float64Array): void {
  let remainingWeight = 0;
  for (let k = 0; k < weights.length; k += 1) remainingWeight += weights[k] as number;
  let remainingDraws = remainingWeight;
  for (let k = 0; k < weights.length; k += 1) {
    const w = weights[k] as number;
    let x = 0;
    if (remainingDraws > 0 && w > 0) {
      const p = w / remainingWeight;
      // The common case inline; drawBinomial recurses, which keeps it from being inlined here.
      x =
        p <= 0.5 && remainingDraws * p <= INVERSION_MEAN
          ? invertBinomial(random, remainingDraws, p)
          : drawBinomial(random, remainingDraws, p);
    }
    out[k] = x;
    remainingDraws -= x;
    remainingWeight -= w;
  }
}
