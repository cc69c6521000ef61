import { describe, expect, it } from "vitest";
import type { PairWinner } from "@/lib/ai/prompts/coi-rank-pair";
import { pairwiseSchedule, rankByPairwiseJudging, tallyPairwise } from "./rank";

describe("pairwise ranking", () => {
  it("schedules every pair in both orders", () => {
    expect(pairwiseSchedule(["a", "b", "c"])).toEqual([
      { first: "a", second: "b" },
      { first: "b", second: "a" },
      { first: "a", second: "c" },
      { first: "c", second: "a" },
      { first: "b", second: "c" },
      { first: "c", second: "b" },
    ]);
    expect(() => pairwiseSchedule(["a", "a"])).toThrow(/distinct/);
    expect(() => pairwiseSchedule(Array.from({ length: 11 }, (_, i) => `i${i}`))).toThrow(/at most 10 ideas/);
  });

  it("counts wins as 1 and ties as half, sharing ranks on equal points", () => {
    const ranking = tallyPairwise(
      ["a", "b", "c"],
      [
        { first: "a", second: "b", winner: "A" },
        { first: "b", second: "a", winner: "tie" },
        { first: "c", second: "a", winner: "B" },
        { first: "b", second: "c", winner: "A" },
      ],
    );
    expect(ranking).toEqual([
      { id: "a", points: 2.5, rank: 1 },
      { id: "b", points: 1.5, rank: 2 },
      { id: "c", points: 0, rank: 3 },
    ]);
    expect(
      tallyPairwise(["x", "y"], [{ first: "x", second: "y", winner: "tie" }]).map((r) => r.rank),
    ).toEqual([1, 1]);
    expect(() => tallyPairwise(["x"], [{ first: "x", second: "z", winner: "B" }])).toThrow(/unknown idea z/);
  });

  it("a judge that always prefers the first slot ranks every idea equal", async () => {
    const { ranking, results } = await rankByPairwiseJudging({
      ids: ["a", "b", "c"],
      judge: async () => "A" as PairWinner,
    });
    expect(results).toHaveLength(6);
    expect(ranking.map((r) => [r.points, r.rank])).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
  });

  it("a consistent judge ranks by strength", async () => {
    const strength: Record<string, number> = { a: 1, b: 3, c: 2 };
    const judge = async (x: string, y: string): Promise<PairWinner> =>
      (strength[x] ?? 0) > (strength[y] ?? 0) ? "A" : "B";
    const { ranking } = await rankByPairwiseJudging({ ids: ["a", "b", "c"], judge });
    expect(ranking.map((r) => r.id)).toEqual(["b", "c", "a"]);
  });
});
