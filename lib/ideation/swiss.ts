import type { PairWinner } from "@/lib/ai/prompts/coi-rank-pair";
import { createRandom, hashSeed, shuffleWith } from "@/lib/assignment/prng";
import { mapPool } from "./pool";

// Swiss tournament over a topic's expanded ideas (specs/ideation.md §2): 5 rounds by default; each
// round pairs ideas with equal or close points, never a pair that already met; each pair is judged
// in both orders (a preference for a slot cancels; the published agent judged one order only), a
// win 1 point and a tie half to each, so a round is worth 2 points. With an odd count one idea
// sits out (a bye, at most once per idea while possible) and gets 1 point, the average of a round.
// The first round's order and every tie between equal points come from the seed, so a seed gives
// the same tournament. When no pairing without a repeat exists (few ideas), the tournament ends
// early; the record says how many rounds were played.

export const SWISS_ROUNDS = 5;
export const BYE_POINTS = 1;
const SEARCH_LIMIT = 200_000;

export type SwissGame = { first: string; second: string; winner: PairWinner };
export type SwissRound = { pairs: [string, string][]; bye: string | null; games: SwissGame[] };
export type SwissStanding = { id: string; points: number; buchholz: number; rank: number };

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** A perfect pairing of `order` (best first) with no repeated pair, by backtracking; null if none. */
function pairUp(order: readonly string[], played: ReadonlySet<string>): [string, string][] | null {
  let steps = 0;
  const used = new Set<string>();
  const pairs: [string, string][] = [];
  function solve(): boolean {
    steps += 1;
    if (steps > SEARCH_LIMIT) return false;
    const first = order.find((id) => !used.has(id));
    if (first === undefined) return true;
    used.add(first);
    for (const other of order) {
      if (used.has(other) || played.has(pairKey(first, other))) continue;
      used.add(other);
      pairs.push([first, other]);
      if (solve()) return true;
      pairs.pop();
      used.delete(other);
    }
    used.delete(first);
    return false;
  }
  return solve() ? pairs : null;
}

/** The next round's pairs and bye for standings in order (best first); null when none is possible. */
export function nextPairing(
  order: readonly string[],
  played: ReadonlySet<string>,
  hadBye: ReadonlySet<string>,
): { pairs: [string, string][]; bye: string | null } | null {
  if (order.length % 2 === 0) {
    const pairs = pairUp(order, played);
    return pairs && { pairs, bye: null };
  }
  // The bye goes to the lowest-placed idea without one (then anyone, lowest first).
  const reversed = [...order].reverse();
  const candidates = [
    ...reversed.filter((id) => !hadBye.has(id)),
    ...reversed.filter((id) => hadBye.has(id)),
  ];
  for (const bye of candidates) {
    const pairs = pairUp(
      order.filter((id) => id !== bye),
      played,
    );
    if (pairs) return { pairs, bye };
  }
  return null;
}

export function swissStandings(
  ids: readonly string[],
  rounds: readonly SwissRound[],
  seed: number,
): SwissStanding[] {
  const points = new Map(ids.map((id) => [id, 0]));
  const opponents = new Map(ids.map((id) => [id, [] as string[]]));
  const add = (id: string, p: number) => points.set(id, (points.get(id) ?? 0) + p);
  for (const round of rounds) {
    if (round.bye !== null) add(round.bye, BYE_POINTS);
    for (const [a, b] of round.pairs) {
      opponents.get(a)?.push(b);
      opponents.get(b)?.push(a);
    }
    for (const g of round.games) {
      if (g.winner === "A") add(g.first, 1);
      else if (g.winner === "B") add(g.second, 1);
      else {
        add(g.first, 0.5);
        add(g.second, 0.5);
      }
    }
  }
  const tieOrder = new Map(shuffleWith(ids, createRandom(hashSeed(seed))).map((id, i) => [id, i]));
  const rows = ids.map((id) => ({
    id,
    points: points.get(id) ?? 0,
    buchholz: (opponents.get(id) ?? []).reduce((s, o) => s + (points.get(o) ?? 0), 0),
  }));
  rows.sort(
    (a, b) =>
      b.points - a.points || b.buchholz - a.buchholz || (tieOrder.get(a.id) ?? 0) - (tieOrder.get(b.id) ?? 0),
  );
  return rows.map((r) => ({
    ...r,
    rank:
      1 +
      rows.filter((o) => o.points > r.points || (o.points === r.points && o.buchholz > r.buchholz)).length,
  }));
}

/** Runs the tournament; `judge(first, second)` is called for both orders of every pair. */
export async function runSwiss({
  ids,
  seed,
  judge,
  rounds = SWISS_ROUNDS,
  concurrency = 4,
}: {
  ids: readonly string[];
  seed: number;
  judge: (first: string, second: string) => Promise<PairWinner>;
  rounds?: number;
  concurrency?: number;
}): Promise<{ standings: SwissStanding[]; rounds: SwissRound[] }> {
  if (new Set(ids).size !== ids.length) throw new RangeError("idea ids to rank must be distinct");
  const played = new Set<string>();
  const hadBye = new Set<string>();
  const done: SwissRound[] = [];
  for (let r = 0; r < rounds && ids.length > 1; r += 1) {
    const order = swissStandings(ids, done, seed).map((s) => s.id);
    const pairing = nextPairing(order, played, hadBye);
    if (pairing === null) break;
    const orders = pairing.pairs.flatMap(([a, b]) => [
      [a, b],
      [b, a],
    ]) as [string, string][];
    const winners = await mapPool(orders, concurrency, ([first, second]) => judge(first, second));
    const games = orders.map(([first, second], i) => ({ first, second, winner: winners[i] as PairWinner }));
    for (const [a, b] of pairing.pairs) played.add(pairKey(a, b));
    if (pairing.bye !== null) hadBye.add(pairing.bye);
    done.push({ ...pairing, games });
  }
  return { standings: swissStandings(ids, done, seed), rounds: done };
}
