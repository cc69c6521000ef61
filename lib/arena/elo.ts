// Online Elo as in the spec: everyone starts at 1000, K = 4 by default, games applied in the order
// given (callers sort by created_at, then match_id, with `sortMatches`).
import { toEpochMs } from "./matches-file";
import type { Game, MatchRecord } from "./types";

export type EloOptions = { k?: number; initial?: number };

export const ELO_K = 4;
export const ELO_INITIAL = 1000;

/** Expected score of a player rated `ra` against one rated `rb`. */
export function computeExpectedScore(ra: number, rb: number): number {
  return 1 / (1 + 10 ** ((rb - ra) / 400));
}

/** Final ratings after applying `games` one by one; players first seen mid-way start at `initial`. */
export function computeElo(games: readonly Game[], options: EloOptions = {}): Map<string, number> {
  const k = options.k ?? ELO_K;
  const initial = options.initial ?? ELO_INITIAL;
  const ratings = new Map<string, number>();
  for (const { a, b, score } of games) {
    const ra = ratings.get(a) ?? initial;
    const rb = ratings.get(b) ?? initial;
    // One shift for both sides keeps the total constant, which the spec's symmetric update implies.
    const shift = k * (score - computeExpectedScore(ra, rb));
    ratings.set(a, ra + shift);
    ratings.set(b, rb - shift);
  }
  return ratings;
}

/**
 * A copy in the spec's order: created_at (as epoch ms), then match_id, then criterion so that the
 * order is total. Unreadable dates sort last rather than poisoning the comparison with NaN.
 */
export function sortMatches(matches: readonly MatchRecord[]): MatchRecord[] {
  const keyed = matches.map((m) => {
    const time = toEpochMs(m.createdAt);
    return { m, time: Number.isNaN(time) ? Number.POSITIVE_INFINITY : time };
  });
  keyed.sort(
    (x, y) =>
      (x.time === y.time ? 0 : x.time < y.time ? -1 : 1) ||
      compareText(x.m.matchId, y.m.matchId) ||
      compareText(x.m.criterion, y.m.criterion),
  );
  return keyed.map((k) => k.m);
}

/** Code-unit order, the same on every machine and locale. */
export function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

export function scoreOf(winner: "a" | "b" | "tie"): number {
  return winner === "a" ? 1 : winner === "b" ? 0 : 0.5;
}
