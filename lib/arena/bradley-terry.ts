// Bradley–Terry maximum likelihood with a tie as half a win for each side, on the Elo scale:
// rating_i = 1000 + 400·log10 π_i, with mean log10 π = 0. Games are folded once into counts per
// (pair, outcome), so a fit or a bootstrap resample costs O(pairs) per iteration, not O(games).
import { type BtProblem, diagnoseCounts, hasFiniteMaximum } from "./bt-diagnosis";
import { countCells, indexGames, type PairIndex } from "./pair-index";
import type { Game } from "./types";

export type FitOptions = {
  /** Elo-scale ratings to start from (a bootstrap starts from the full-data fit). */
  start?: ArrayLike<number>;
  /** Stop when no π changes by more than this ratio in one iteration. */
  tolerance?: number;
  maxIterations?: number;
  /**
   * Weak prior: each player also tied `prior` virtual games against the field, a fixed player at
   * the average (π = 1). 0 (default) is plain maximum likelihood; any weight above 0 gives every
   * player a finite estimate, shrunk towards the average the more, the fewer games it has.
   */
  prior?: number;
};

export type CountsFit =
  | { ok: true; ratings: Float64Array; iterations: number; converged: boolean }
  | { ok: false };

export type BtFit =
  | { ok: true; ratings: Map<string, number>; iterations: number; converged: boolean }
  | { ok: false; problem: BtProblem };

/**
 * Newman's (2023) iteration π_i ← Σ_j w_ij·π_j/(π_i+π_j) / Σ_j w_ji/(π_i+π_j), w counting a tie as
 * ½ to each side: the same fixed point as Zermelo's MM, reached in far fewer steps. Players are
 * updated in place, one after another; updating all at once can oscillate (two players A, B with
 * 2:1 odds swap between ratios 1 and 4 forever).
 */
export function fitCounts(index: PairIndex, counts: Float64Array, options: FitOptions = {}): CountsFit {
  const prior = options.prior ?? 0;
  if (prior <= 0 && !hasFiniteMaximum(index, counts)) return { ok: false };
  // Half of each virtual tie is a point scored against the field, half one conceded.
  const virtualHalf = prior / 2;
  const n = index.players.length;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 10_000;
  const { pairsStart, opponent, scoredCell, concededCell } = index;
  const entries = opponent.length;
  const scored = new Float64Array(entries);
  const conceded = new Float64Array(entries);
  for (let e = 0; e < entries; e += 1) {
    const c = scoredCell[e] as number;
    const half = (counts[c - (c % 3) + 1] as number) / 2;
    scored[e] = (counts[c] as number) + half;
    conceded[e] = (counts[concededCell[e] as number] as number) + half;
  }
  const pi = new Float64Array(n).fill(1);
  if (options.start)
    for (let i = 0; i < n; i += 1) pi[i] = 10 ** (((options.start[i] as number) - 1000) / 400);
  const before = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    before.set(pi);
    let logSum = 0;
    for (let i = 0; i < n; i += 1) {
      const own = pi[i] as number;
      const field = 1 / (own + 1);
      let num = virtualHalf * field;
      let den = virtualHalf * field;
      for (let e = pairsStart[i] as number; e < (pairsStart[i + 1] as number); e += 1) {
        const other = pi[opponent[e] as number] as number;
        const inv = 1 / (own + other);
        num += (scored[e] as number) * other * inv;
        den += (conceded[e] as number) * inv;
      }
      pi[i] = num / den;
      logSum += Math.log(pi[i] as number);
    }
    // π is only defined up to a factor; fixing the geometric mean at 1 makes the change test fair.
    // With a prior the field (π = 1) fixes the scale, and rescaling would move the fixed point.
    const scale = prior > 0 ? 1 : Math.exp(-logSum / n);
    let change = 0;
    for (let i = 0; i < n; i += 1) {
      pi[i] = (pi[i] as number) * scale;
      change = Math.max(change, Math.abs((pi[i] as number) / (before[i] as number) - 1));
    }
    if (change < tolerance) return { ok: true, ratings: toElo(pi), iterations: iteration, converged: true };
  }
  return { ok: true, ratings: toElo(pi), iterations: maxIterations, converged: false };
}

function toElo(pi: Float64Array): Float64Array {
  let mean = 0;
  for (const p of pi) mean += Math.log10(p) / pi.length;
  return pi.map((p) => 1000 + 400 * (Math.log10(p) - mean));
}

export function fitBradleyTerry(games: readonly Game[], options: FitOptions = {}): BtFit {
  const index = indexGames(games);
  const counts = countCells(index);
  const fit = fitCounts(index, counts, options);
  if (!fit.ok) return { ok: false, problem: diagnoseCounts(index, counts) };
  const ratings = new Map(index.players.map((p, i) => [p, fit.ratings[i] as number]));
  return { ok: true, ratings, iterations: fit.iterations, converged: fit.converged };
}
