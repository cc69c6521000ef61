// Bradley–Terry maximum likelihood with a tie as half a win for each side, on the Elo scale:
// rating_i = 1000 + 400·log10 π_i, with mean log10 π = 0. Games are folded once into counts per
// (pair, outcome), so a fit or a bootstrap resample costs O(pairs) per iteration, not O(games).
import { type BtProblem, diagnoseCounts, hasFiniteMaximum } from "./bt-diagnosis";
import { compareText } from "./elo";
import type { Game } from "./types";

export type PairIndex = {
  players: string[];
  /** Both players of each distinct unordered pair, as indices into `players`. */
  first: Int32Array;
  second: Int32Array;
  /** Per game: 3·pair + 0 (first won), 1 (tie) or 2 (second won). */
  cell: Int32Array;
  /**
   * Player i's pairs, as adjacency lists: entries pairsStart[i] … pairsStart[i+1]) of `opponent`
   * (the other player) and `scoredCell`/`concededCell` (the cells where i won / lost that pair).
   */
  pairsStart: Int32Array;
  opponent: Int32Array;
  scoredCell: Int32Array;
  concededCell: Int32Array;
};

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

export function indexGames(games: readonly Game[]): PairIndex {
  const players = [...new Set(games.flatMap((g) => [g.a, g.b]))].sort(compareText);
  const n = players.length;
  const position = new Map(players.map((p, i) => [p, i]));
  const pairOf = new Map<number, number>();
  const first: number[] = [];
  const second: number[] = [];
  const cell = new Int32Array(games.length);
  games.forEach((g, k) => {
    const a = position.get(g.a) as number;
    const b = position.get(g.b) as number;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    let pair = pairOf.get(lo * n + hi);
    if (pair === undefined) {
      pair = first.length;
      pairOf.set(lo * n + hi, pair);
      first.push(lo);
      second.push(hi);
    }
    const loScore = a === lo ? g.score : 1 - g.score;
    cell[k] = 3 * pair + (loScore === 1 ? 0 : loScore === 0 ? 2 : 1);
  });
  const pairsStart = new Int32Array(n + 1);
  for (const i of [...first, ...second]) pairsStart[i + 1] += 1;
  for (let i = 0; i < n; i += 1) pairsStart[i + 1] += pairsStart[i] as number;
  const fill = pairsStart.slice(0, n);
  const opponent = new Int32Array(2 * first.length);
  const scoredCell = new Int32Array(2 * first.length);
  const concededCell = new Int32Array(2 * first.length);
  first.forEach((i, p) => {
    const j = second[p] as number;
    const [ei, ej] = [fill[i]++, fill[j]++];
    [opponent[ei], scoredCell[ei], concededCell[ei]] = [j, 3 * p, 3 * p + 2];
    [opponent[ej], scoredCell[ej], concededCell[ej]] = [i, 3 * p + 2, 3 * p];
  });
  return {
    players,
    first: Int32Array.from(first),
    second: Int32Array.from(second),
    cell,
    pairsStart,
    opponent,
    scoredCell,
    concededCell,
  };
}

/** How many games of each pair ended in each outcome (cell 3·pair + 0, 1 or 2). */
export function countCells(index: PairIndex): Float64Array {
  const counts = new Float64Array(3 * index.first.length);
  for (const c of index.cell) counts[c] += 1;
  return counts;
}

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
