// Which pairs to show next. Pure and seeded: the same players, counts and seed give the same
// schedule, so an organizer can preview exactly what judges will see. Every pair's left/right is
// drawn at random (the spec records which idea was left); no schedule repeats an unordered pair.
import { createRandom, hashSeed, shuffleWith } from "@/lib/assignment/prng";

export type SchedulePlayer = { id: string; topic: string; authorId?: string | null };

export type ScheduledPair = { a: string; b: string };

export type ScheduleOptions = {
  seed: number;
  /** Pair only ideas of one topic (the spec's default). */
  sameTopic?: boolean;
  /** A judge's user id: their own ideas are left out of the schedule. */
  excludeAuthor?: string;
};

export type ScheduleInput = { players: readonly SchedulePlayer[] } & ScheduleOptions;

const pairKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

function prepare({ players, seed, sameTopic = true, excludeAuthor }: ScheduleInput) {
  const random = createRandom(hashSeed(seed));
  const eligible = players.filter((p) => excludeAuthor === undefined || p.authorId !== excludeAuthor);
  const groups = new Map<string, SchedulePlayer[]>();
  for (const p of eligible) {
    const key = sameTopic ? p.topic : "";
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const orient = (x: string, y: string): ScheduledPair => (random() < 0.5 ? { a: x, b: y } : { a: y, b: x });
  return { random, eligible, groups: [...groups.values()], orient };
}

/**
 * Every pair once, by the circle method within each group: round r of every group, then round
 * r + 1, so that any prefix of the schedule spreads matches evenly over players.
 */
export function scheduleRoundRobin(options: ScheduleInput): ScheduledPair[] {
  const { random, groups, orient } = prepare(options);
  const rounds: ScheduledPair[][] = [];
  for (const group of groups) {
    const seats: (SchedulePlayer | null)[] = shuffleWith(group, random);
    if (seats.length % 2 === 1) seats.push(null);
    const n = seats.length;
    for (let r = 0; r < n - 1; r += 1) {
      rounds[r] ??= [];
      for (let i = 0; i < n / 2; i += 1) {
        const [x, y] = [seats[i], seats[n - 1 - i]];
        if (x && y) (rounds[r] as ScheduledPair[]).push(orient(x.id, y.id));
      }
      // Keep seat 0, rotate the others by one.
      seats.splice(1, 0, seats.pop() as SchedulePlayer | null);
    }
  }
  return rounds.flatMap((round) => shuffleWith(round, random));
}

/**
 * Up to `budget` pairs for the next batch: repeatedly the player with the fewest matches (counting
 * those scheduled so far), against the eligible partner with the fewest matches and then the
 * closest rating. Missing counts are 0 and missing ratings 1000.
 */
export function scheduleAdaptive(
  options: ScheduleInput & {
    matchCounts: ReadonlyMap<string, number>;
    ratings: ReadonlyMap<string, number>;
    budget: number;
  },
): ScheduledPair[] {
  const { random, eligible, orient } = prepare(options);
  const sameTopic = options.sameTopic ?? true;
  const order = shuffleWith(eligible, random); // a fixed random tie-break among equals
  const count = new Map(order.map((p) => [p.id, options.matchCounts.get(p.id) ?? 0]));
  const rating = (p: SchedulePlayer) => options.ratings.get(p.id) ?? 1000;
  const used = new Set<string>();
  const exhausted = new Set<string>();
  const pairs: ScheduledPair[] = [];
  while (pairs.length < options.budget) {
    let p: SchedulePlayer | undefined;
    for (const q of order) {
      if (
        !exhausted.has(q.id) &&
        (p === undefined || (count.get(q.id) as number) < (count.get(p.id) as number))
      )
        p = q;
    }
    if (p === undefined) break;
    let best: SchedulePlayer | undefined;
    for (const q of order) {
      if (q.id === p.id || (sameTopic && q.topic !== p.topic) || used.has(pairKey(p.id, q.id))) continue;
      const dq = count.get(q.id) as number;
      const db = best === undefined ? Number.POSITIVE_INFINITY : (count.get(best.id) as number);
      if (
        best === undefined ||
        dq < db ||
        (dq === db && Math.abs(rating(q) - rating(p)) < Math.abs(rating(best) - rating(p)))
      ) {
        best = q;
      }
    }
    if (best === undefined) {
      exhausted.add(p.id);
      continue;
    }
    used.add(pairKey(p.id, best.id));
    count.set(p.id, (count.get(p.id) as number) + 1);
    count.set(best.id, (count.get(best.id) as number) + 1);
    pairs.push(orient(p.id, best.id));
  }
  return pairs;
}

/**
 * One Swiss round: players by score (best first, ties in random order), each paired with the next
 * unpaired eligible player it has not met in `played`; a rematch only when nobody else is left.
 * A player with no eligible partner sits the round out.
 */
export function scheduleSwiss(
  options: ScheduleInput & { scores: ReadonlyMap<string, number>; played?: readonly ScheduledPair[] },
): ScheduledPair[] {
  const { random, eligible, orient } = prepare(options);
  const sameTopic = options.sameTopic ?? true;
  const met = new Set((options.played ?? []).map((m) => pairKey(m.a, m.b)));
  const score = (p: SchedulePlayer) => options.scores.get(p.id) ?? 0;
  const standings = shuffleWith(eligible, random).sort((x, y) => score(y) - score(x));
  const paired = new Set<string>();
  const pairs: ScheduledPair[] = [];
  standings.forEach((p, i) => {
    if (paired.has(p.id)) return;
    const rest = standings
      .slice(i + 1)
      .filter((q) => !paired.has(q.id) && (!sameTopic || q.topic === p.topic));
    const partner = rest.find((q) => !met.has(pairKey(p.id, q.id))) ?? rest[0];
    if (partner === undefined) return;
    paired.add(p.id).add(partner.id);
    pairs.push(orient(p.id, partner.id));
  });
  return pairs;
}
