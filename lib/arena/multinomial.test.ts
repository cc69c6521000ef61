import { describe, expect, it } from "vitest";
import { createBootstrapRandom } from "./bootstrap";
import { drawBinomial, drawMultinomial } from "./multinomial";

const moments = (values: number[]) => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
};

describe("drawBinomial", () => {
  it.each([
    { n: 10, p: 0.3 },
    { n: 1000, p: 0.001 },
    { n: 100_000, p: 0.0001 },
    { n: 50, p: 0.9 },
    { n: 100_000, p: 0.4 },
  ])("has mean np and variance np(1−p) for n=$n, p=$p", ({ n, p }) => {
    const random = createBootstrapRandom(n);
    const draws = Array.from({ length: 5000 }, () => drawBinomial(random, n, p));
    const { mean, variance } = moments(draws);
    const sd = Math.sqrt(n * p * (1 - p));
    // Five standard errors of the mean; the variance within 10%.
    expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(draws.length));
    expect(variance / (sd * sd)).toBeGreaterThan(0.9);
    expect(variance / (sd * sd)).toBeLessThan(1.1);
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
  });

  it("handles the edges exactly", () => {
    const random = createBootstrapRandom(1);
    expect(drawBinomial(random, 0, 0.5)).toBe(0);
    expect(drawBinomial(random, 12, 0)).toBe(0);
    expect(drawBinomial(random, 12, 1)).toBe(12);
  });
});

describe("drawMultinomial", () => {
  it("always draws the total, never a zero-weight category, with the right means", () => {
    const random = createBootstrapRandom(9);
    const weights = Float64Array.from([1, 0, 2, 7, 0, 30]);
    const out = new Float64Array(weights.length);
    const sums = new Float64Array(weights.length);
    const runs = 5000;
    for (let r = 0; r < runs; r += 1) {
      drawMultinomial(random, weights, out);
      expect(out.reduce((s, x) => s + x, 0)).toBe(40);
      expect(out[1]).toBe(0);
      expect(out[4]).toBe(0);
      out.forEach((x, k) => {
        sums[k] = (sums[k] as number) + x;
      });
    }
    weights.forEach((w, k) => {
      const p = w / 40;
      const se = Math.sqrt((40 * p * (1 - p)) / runs);
      expect(Math.abs((sums[k] as number) / runs - w)).toBeLessThanOrEqual(5 * se + 1e-12);
    });
  });

  it("is reproducible by seed", () => {
    const weights = Float64Array.from({ length: 50 }, (_, k) => (k % 5) + 1);
    const draw = (seed: number) => {
      const out = new Float64Array(50);
      drawMultinomial(createBootstrapRandom(seed), weights, out);
      return [...out];
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });
});
