import { describe, expect, it } from "vitest";
import type { PairWinner } from "@/lib/ai/prompts/coi-rank-pair";
import { nextPairing, runSwiss, SWISS_ROUNDS } from "./swiss";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `idea-${String(i).padStart(2, "0")}`);
// A judge with a true strength per idea (its number) and no slot bias: the stronger wins.
const byStrength = async (first: string, second: string): Promise<PairWinner> =>
  first === second ? "tie" : first > second ? "A" : "B";

describe("Swiss tournament", () => {
  it("plays 5 rounds, never repeats a pair, and judges every pair in both orders", async () => {
    const calls: string[] = [];
    const { rounds } = await runSwiss({
      ids: ids(10),
      seed: 1,
      judge: async (a, b) => {
        calls.push(`${a}>${b}`);
        return byStrength(a, b);
      },
    });
    expect(rounds).toHaveLength(SWISS_ROUNDS);
    const met = rounds.flatMap((r) => r.pairs.map(([a, b]) => [a, b].sort().join("|")));
    expect(new Set(met).size).toBe(met.length);
    expect(met).toHaveLength(25);
    for (const r of rounds)
      for (const [a, b] of r.pairs) {
        expect(calls).toContain(`${a}>${b}`);
        expect(calls).toContain(`${b}>${a}`);
      }
    expect(calls).toHaveLength(50);
  });

  it("ranks by points (win 1, tie half each); the strongest idea ends first", async () => {
    const { standings } = await runSwiss({ ids: ids(8), seed: 5, judge: byStrength });
    expect(standings[0]?.id).toBe("idea-07");
    expect(standings[0]?.points).toBe(10); // 5 rounds × 2 orders
    const ties = await runSwiss({ ids: ids(4), seed: 5, rounds: 1, judge: async () => "tie" });
    expect(ties.standings.map((s) => s.points)).toEqual([1, 1, 1, 1]);
  });

  it("handles an odd count: one bye per round, each to a different idea, worth 1 point", async () => {
    const { rounds, standings } = await runSwiss({ ids: ids(7), seed: 2, judge: byStrength });
    expect(rounds).toHaveLength(5);
    const byes = rounds.map((r) => r.bye);
    expect(byes.every((b) => b !== null)).toBe(true);
    expect(new Set(byes).size).toBe(5);
    for (const r of rounds) expect(r.pairs.flat().sort()).toEqual(ids(7).filter((i) => i !== r.bye));
    const total = standings.reduce((s, x) => s + x.points, 0);
    expect(total).toBe(5 * (3 * 2 + 1));
  });

  it("is deterministic with a seed, and a different seed can pair differently", async () => {
    const judge = async (a: string, b: string): Promise<PairWinner> =>
      (a + b).length % 3 === 0 ? "tie" : "A";
    const a = await runSwiss({ ids: ids(12), seed: 42, judge });
    const b = await runSwiss({ ids: ids(12), seed: 42, judge });
    expect(b).toEqual(a);
    const others = await Promise.all([1, 2, 3].map((seed) => runSwiss({ ids: ids(12), seed, judge })));
    expect(
      others.some((o) => JSON.stringify(o.rounds[0]?.pairs) !== JSON.stringify(a.rounds[0]?.pairs)),
    ).toBe(true);
  });

  it("ends early when no pairing without a repeat is left (3 ideas meet at most 3 times)", async () => {
    const { rounds } = await runSwiss({ ids: ids(3), seed: 1, judge: byStrength });
    expect(rounds).toHaveLength(3);
    expect(nextPairing(["a", "b"], new Set(["a\u0000b"]), new Set())).toBeNull();
    expect((await runSwiss({ ids: ["solo"], seed: 1, judge: byStrength })).rounds).toHaveLength(0);
  });

  it("rejects duplicate ids", async () => {
    await expect(runSwiss({ ids: ["a", "a"], seed: 1, judge: byStrength })).rejects.toThrow(/distinct/);
  });
});
