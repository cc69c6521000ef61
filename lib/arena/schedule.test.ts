import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/assignment/prng";
import {
  type ScheduledPair,
  type SchedulePlayer,
  scheduleAdaptive,
  scheduleRoundRobin,
  scheduleSwiss,
} from "./schedule";

function randomPlayers(seed: number): SchedulePlayer[] {
  const random = createRandom(seed);
  const count = 2 + Math.floor(random() * 14);
  return Array.from({ length: count }, (_, i) => ({
    id: `i${i + 1}`,
    topic: `T${1 + Math.floor(random() * 3)}`,
    authorId: random() < 0.3 ? "u1" : `u${2 + Math.floor(random() * 4)}`,
  }));
}

const key = (p: ScheduledPair) => [p.a, p.b].sort().join("|");

function expectValid(pairs: ScheduledPair[], players: SchedulePlayer[], sameTopic: boolean) {
  const topic = new Map(players.map((p) => [p.id, p.topic]));
  for (const p of pairs) {
    expect(p.a).not.toBe(p.b);
    expect(topic.has(p.a) && topic.has(p.b)).toBe(true);
    if (sameTopic) expect(topic.get(p.a)).toBe(topic.get(p.b));
  }
  expect(new Set(pairs.map(key)).size).toBe(pairs.length);
}

const seeds = Array.from({ length: 25 }, (_, i) => i + 1);

describe("scheduleRoundRobin", () => {
  it.each(seeds)("schedules every same-topic pair exactly once (players seed %i)", (seed) => {
    const players = randomPlayers(seed);
    const pairs = scheduleRoundRobin({ players, seed });
    expectValid(pairs, players, true);
    const sizes = [...new Set(players.map((p) => p.topic))].map(
      (t) => players.filter((p) => p.topic === t).length,
    );
    expect(pairs).toHaveLength(sizes.reduce((s, n) => s + (n * (n - 1)) / 2, 0));
  });

  it("spreads matches: in each round of the circle method a player plays at most once", () => {
    const players = Array.from({ length: 8 }, (_, i) => ({ id: `i${i}`, topic: "T" }));
    const pairs = scheduleRoundRobin({ players, seed: 1 });
    for (let r = 0; r < 7; r += 1) {
      const ids = pairs.slice(4 * r, 4 * r + 4).flatMap((p) => [p.a, p.b]);
      expect(new Set(ids).size).toBe(8);
    }
  });

  it("crosses topics when sameTopic is off, and leaves out a judge's own ideas", () => {
    const players = randomPlayers(7).map((p, i) => (i < 2 ? { ...p, authorId: "u1" } : p));
    const n = players.length;
    expect(scheduleRoundRobin({ players, seed: 1, sameTopic: false })).toHaveLength((n * (n - 1)) / 2);
    const own = scheduleRoundRobin({ players, seed: 1, sameTopic: false, excludeAuthor: "u1" });
    const mine = new Set(players.filter((p) => p.authorId === "u1").map((p) => p.id));
    expect(mine.size).toBeGreaterThan(0);
    expect(own.some((p) => mine.has(p.a) || mine.has(p.b))).toBe(false);
  });

  it("is reproducible by seed and randomizes which idea is left", () => {
    const players = Array.from({ length: 10 }, (_, i) => ({ id: `i${i}`, topic: "T" }));
    expect(scheduleRoundRobin({ players, seed: 3 })).toEqual(scheduleRoundRobin({ players, seed: 3 }));
    expect(scheduleRoundRobin({ players, seed: 3 })).not.toEqual(scheduleRoundRobin({ players, seed: 4 }));
    const pairs = scheduleRoundRobin({ players, seed: 3 });
    const leftIsLower = pairs.filter((p) => p.a < p.b).length;
    expect(leftIsLower).toBeGreaterThan(5);
    expect(leftIsLower).toBeLessThan(pairs.length - 5);
  });
});

describe("scheduleAdaptive", () => {
  it.each(seeds)("respects topic, budget and uniqueness (players seed %i)", (seed) => {
    const players = randomPlayers(seed);
    const random = createRandom(seed + 100);
    const matchCounts = new Map(players.map((p) => [p.id, Math.floor(random() * 5)]));
    const ratings = new Map(players.map((p) => [p.id, 900 + random() * 200]));
    const pairs = scheduleAdaptive({ players, matchCounts, ratings, budget: 12, seed });
    expectValid(pairs, players, true);
    expect(pairs.length).toBeLessThanOrEqual(12);
    expect(scheduleAdaptive({ players, matchCounts, ratings, budget: 12, seed })).toEqual(pairs);
  });

  it("serves the players with the fewest matches first, against the closest rating", () => {
    const players = ["a", "b", "c", "d", "e"].map((id) => ({ id, topic: "T" }));
    const matchCounts = new Map([
      ["a", 0],
      ["b", 9],
      ["c", 9],
      ["d", 9],
      ["e", 0],
    ]);
    const ratings = new Map([
      ["a", 1000],
      ["b", 1200],
      ["c", 1010],
      ["d", 1100],
      ["e", 1300],
    ]);
    const [first] = scheduleAdaptive({ players, matchCounts, ratings, budget: 1, seed: 1 });
    expect(key(first as ScheduledPair)).toBe("a|e");
    const two = scheduleAdaptive({
      players,
      matchCounts: new Map([...matchCounts, ["e", 9]]),
      ratings,
      budget: 1,
      seed: 1,
    });
    expect(key(two[0] as ScheduledPair)).toBe("a|c");
  });

  it("stops when every pair is used", () => {
    const players = ["a", "b", "c"].map((id) => ({ id, topic: "T" }));
    expect(
      scheduleAdaptive({ players, matchCounts: new Map(), ratings: new Map(), budget: 10, seed: 1 }),
    ).toHaveLength(3);
  });
});

describe("scheduleSwiss", () => {
  it.each(seeds)("pairs each player at most once, within topic (players seed %i)", (seed) => {
    const players = randomPlayers(seed);
    const random = createRandom(seed + 200);
    const scores = new Map(players.map((p) => [p.id, Math.floor(random() * 4)]));
    const pairs = scheduleSwiss({ players, scores, seed });
    expectValid(pairs, players, true);
    const ids = pairs.flatMap((p) => [p.a, p.b]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(scheduleSwiss({ players, scores, seed })).toEqual(pairs);
  });

  it("pairs neighbours by score and avoids rematches while it can", () => {
    const players = ["a", "b", "c", "d"].map((id) => ({ id, topic: "T" }));
    const scores = new Map([
      ["a", 3],
      ["b", 2],
      ["c", 1],
      ["d", 0],
    ]);
    expect(scheduleSwiss({ players, scores, seed: 1 }).map(key)).toEqual(["a|b", "c|d"]);
    const played = [{ a: "b", b: "a" }];
    expect(scheduleSwiss({ players, scores, played, seed: 1 }).map(key)).toEqual(["a|c", "b|d"]);
  });
});
