import type { PairWinner } from "@/lib/ai/prompts/coi-rank-pair";
import { at } from "@/lib/assert";

// Ranking a topic's candidate ideas by pairwise judging: every pair in both orders (so a judge's
// preference for the first or second slot cancels), a win is 1 point and a tie half to each. The
// number of calls is n(n-1), bounded by MAX_RANKED_IDEAS.

export const MAX_RANKED_IDEAS = 10;

export type PairResult = { first: string; second: string; winner: PairWinner };
export type RankedIdea = { id: string; points: number; rank: number };

/** Every ordered pair (i, j), i ≠ j, as ids: (a, b) and then (b, a) for each pair. */
export function pairwiseSchedule(ids: readonly string[]): { first: string; second: string }[] {
  if (new Set(ids).size !== ids.length) throw new RangeError("idea ids to rank must be distinct");
  if (ids.length > MAX_RANKED_IDEAS)
    throw new RangeError(`at most ${MAX_RANKED_IDEAS} ideas can be ranked, got ${ids.length}`);
  const out: { first: string; second: string }[] = [];
  for (let i = 0; i < ids.length; i += 1) {
    for (let j = i + 1; j < ids.length; j += 1) {
      out.push({ first: at(ids, i), second: at(ids, j) }, { first: at(ids, j), second: at(ids, i) });
    }
  }
  return out;
}

/** Points per idea, highest first; equal points share a rank (1, 1, 3), listed by id. */
export function tallyPairwise(ids: readonly string[], results: readonly PairResult[]): RankedIdea[] {
  const points = new Map(ids.map((id) => [id, 0]));
  const add = (id: string, p: number) => {
    const current = points.get(id);
    if (current === undefined) throw new RangeError(`pair result names unknown idea ${id}`);
    points.set(id, current + p);
  };
  for (const r of results) {
    if (r.winner === "A") add(r.first, 1);
    else if (r.winner === "B") add(r.second, 1);
    else {
      add(r.first, 0.5);
      add(r.second, 0.5);
    }
  }
  const sorted = [...points].sort(([a, pa], [b, pb]) => pb - pa || (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map(([id, p]) => ({ id, points: p, rank: 1 + sorted.filter(([, q]) => q > p).length }));
}

export async function rankByPairwiseJudging({
  ids,
  judge,
}: {
  ids: readonly string[];
  judge: (first: string, second: string) => Promise<PairWinner>;
}): Promise<{ ranking: RankedIdea[]; results: PairResult[] }> {
  const results: PairResult[] = [];
  for (const pair of pairwiseSchedule(ids))
    results.push({ ...pair, winner: await judge(pair.first, pair.second) });
  return { ranking: tallyPairwise(ids, results), results };
}
