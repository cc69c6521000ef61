// Standardized effect sizes with 95% CIs from the usual large-sample standard errors
// (Hedges & Olkin 1985; Borenstein et al. 2009, ch. 4) and the normal quantile, as meta-analyses
// report them; an exact noncentral-t interval would differ only at very small n.
import { standardNormalQuantile } from "./stdlib";
import type { Summary } from "./summary";

export type Effect = { value: number; ciLow: number; ciHigh: number };

const Z_975 = standardNormalQuantile(0.975);

function withInterval(value: number, se: number): Effect | null {
  const effect = { value, ciLow: value - Z_975 * se, ciHigh: value + Z_975 * se };
  const finite = Number.isFinite(effect.ciLow) && Number.isFinite(effect.ciHigh);
  return finite ? effect : null;
}

/**
 * Hedges' g of condition − baseline: Cohen's d over the pooled SD, times the small-sample factor
 * J = 1 − 3 / (4(n1 + n2) − 9); SE = sqrt((n1 + n2)/(n1 n2) + g² / (2(n1 + n2))).
 * Null when either group has fewer than 2 values or the pooled SD is 0.
 */
export function computeHedgesG(condition: Summary, baseline: Summary): Effect | null {
  const { n: n1, mean: m1, sd: s1 } = condition;
  const { n: n2, mean: m2, sd: s2 } = baseline;
  if (m1 === null || m2 === null || s1 === null || s2 === null) return null;
  const pooled = Math.sqrt(((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / (n1 + n2 - 2));
  if (!(pooled > 0)) return null;
  const g = (1 - 3 / (4 * (n1 + n2) - 9)) * ((m1 - m2) / pooled);
  return withInterval(g, Math.sqrt((n1 + n2) / (n1 * n2) + (g * g) / (2 * (n1 + n2))));
}

/**
 * Cohen's d_z of paired differences: mean(d) / sd(d), as the spec asks (no small-sample factor);
 * SE = sqrt(1/n + d_z² / (2n)). Null below 2 differences or when they have no spread.
 */
export function computeCohenDz(differences: Summary): Effect | null {
  const { n, mean, sd } = differences;
  if (mean === null || sd === null || !(sd > 0)) return null;
  const dz = mean / sd;
  return withInterval(dz, Math.sqrt(1 / n + (dz * dz) / (2 * n)));
}
