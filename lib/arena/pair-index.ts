// Games folded into pairs: each distinct unordered pair of players once, every game as a cell
// (pair, outcome), and each player's pairs as adjacency lists. Bradley–Terry fits, its diagnosis
// and the bootstrap all work on this index, so a resample costs O(pairs), not O(games).
import { at } from "@/lib/assert";
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
  for (const i of [...first, ...second]) pairsStart[i + 1] = at(pairsStart, i + 1) + 1;
  for (let i = 0; i < n; i += 1) pairsStart[i + 1] = at(pairsStart, i + 1) + at(pairsStart, i);
  const fill = pairsStart.slice(0, n);
  const opponent = new Int32Array(2 * first.length);
  const scoredCell = new Int32Array(2 * first.length);
  const concededCell = new Int32Array(2 * first.length);
  first.forEach((i, p) => {
    const j = at(second, p);
    const ei = at(fill, i);
    fill[i] = ei + 1;
    const ej = at(fill, j);
    fill[j] = ej + 1;
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
  for (const c of index.cell) counts[c] = at(counts, c) + 1;
  return counts;
}
