// Mann–Whitney U is not in stdlib, so U is computed here and only its p comes from stdlib's normal
// CDF. It matches scipy.stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic",
// use_continuity=True): tie-corrected variance, 0.5 continuity correction. The asymptotic method
// is used at every n (scipy's "auto" would switch to the exact null distribution for a group of
// ≤ 8 without ties), so one rule holds everywhere and the fixtures ask scipy for the same.
import { standardNormalCdf } from "./stdlib";

/**
 * Two-sided p for two samples, each sorted ascending (ranks come from one merge walk, O(n)).
 * Null when every value in both samples is the same, where the statistic has no variance.
 */
export function computeMannWhitneyP(x: Float64Array, y: Float64Array): number | null {
  const n1 = x.length;
  const n2 = y.length;
  const n = n1 + n2;
  if (n1 === 0 || n2 === 0) return null;
  let i = 0;
  let j = 0;
  let below = 0;
  let rankSumX = 0;
  let tieTerm = 0;
  while (i < n1 || j < n2) {
    const vx = i < n1 ? (x[i] as number) : Number.POSITIVE_INFINITY;
    const vy = j < n2 ? (y[j] as number) : Number.POSITIVE_INFINITY;
    const v = Math.min(vx, vy);
    let cx = 0;
    while (i < n1 && x[i] === v) {
      cx += 1;
      i += 1;
    }
    let cy = 0;
    while (j < n2 && y[j] === v) {
      cy += 1;
      j += 1;
    }
    const tied = cx + cy;
    rankSumX += cx * (below + (tied + 1) / 2);
    tieTerm += tied * tied * tied - tied;
    below += tied;
  }
  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const mu = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return null;
  const z = (Math.abs(u - mu) - 0.5) / Math.sqrt(variance);
  return Math.min(1, 2 * standardNormalCdf(-z));
}
