import { describe, expect, it } from "vitest";
import { computeElo, computeExpectedScore, sortMatches } from "./elo";
import type { MatchRecord } from "./types";

const win = (a: string, b: string) => ({ a, b, score: 1 });

describe("computeExpectedScore", () => {
  it("is 1/2 between equals, 10/11 for a 400-point lead, and symmetric", () => {
    expect(computeExpectedScore(1000, 1000)).toBe(0.5);
    expect(computeExpectedScore(1400, 1000)).toBeCloseTo(10 / 11, 15);
    expect(computeExpectedScore(1100, 1234) + computeExpectedScore(1234, 1100)).toBeCloseTo(1, 15);
  });
});

describe("computeElo", () => {
  it("moves a first win between newcomers by K/2 each way (K = 4 by default)", () => {
    const ratings = computeElo([win("A", "B")]);
    expect(ratings.get("A")).toBe(1002);
    expect(ratings.get("B")).toBe(998);
  });

  it("uses the configured K and start", () => {
    const ratings = computeElo([win("A", "B")], { k: 32, initial: 1500 });
    expect([ratings.get("A"), ratings.get("B")]).toEqual([1516, 1484]);
  });

  it("leaves equals unchanged after a tie, and pulls the favourite down after one", () => {
    expect(computeElo([{ a: "A", b: "B", score: 0.5 }])).toEqual(
      new Map([
        ["A", 1000],
        ["B", 1000],
      ]),
    );
    // 1002 vs 998: E = 1/(1 + 10^(-4/400)) = 0.505757…, so a tie moves A by 4·(0.5 − E) = −0.023025.
    const ratings = computeElo([win("A", "B"), { a: "B", b: "A", score: 0.5 }]);
    expect(ratings.get("A")).toBeCloseTo(1001.9769751663554, 10);
    expect(ratings.get("B")).toBeCloseTo(998.0230248336446, 10);
  });

  it("depends on order: the later result counts more", () => {
    const forward = computeElo([win("A", "B"), win("B", "A")]);
    const backward = computeElo([win("B", "A"), win("A", "B")]);
    expect(forward.get("A")).toBeCloseTo(999.9769751663554, 10);
    expect(backward.get("A")).toBeCloseTo(1000.0230248336446, 10);
  });

  it("keeps the total constant", () => {
    const games = [win("A", "B"), win("C", "A"), { a: "B", b: "C", score: 0.5 }, win("D", "A")];
    const total = [...computeElo(games).values()].reduce((s, r) => s + r, 0);
    expect(total).toBeCloseTo(4000, 9);
  });
});

describe("sortMatches", () => {
  const match = (matchId: string, createdAt: string | number, criterion = "novelty"): MatchRecord => ({
    matchId,
    topic: "T",
    ideaA: "i1",
    ideaB: "i2",
    conditionA: "X",
    conditionB: "Y",
    judgeId: "j",
    judgeKind: "human",
    criterion,
    winner: "a",
    createdAt,
  });

  it("orders by created_at (epoch ms or ISO), then match_id, then criterion", () => {
    const sorted = sortMatches([
      match("m3", "2025-01-01T00:00:02Z"),
      match("m2", Date.UTC(2025, 0, 1, 0, 0, 1)),
      match("m1", "2025-01-01T00:00:02Z", "clarity"),
      match("m1", "2025-01-01T00:00:02Z", "affect"),
      match("m0", "2025-01-01T00:00:03Z"),
    ]);
    expect(sorted.map((m) => `${m.matchId}/${m.criterion}`)).toEqual([
      "m2/novelty",
      "m1/affect",
      "m1/clarity",
      "m3/novelty",
      "m0/novelty",
    ]);
  });

  it("puts unreadable dates last instead of breaking the order", () => {
    const sorted = sortMatches([match("m1", "not a date"), match("m2", 5), match("m3", 1)]);
    expect(sorted.map((m) => m.matchId)).toEqual(["m3", "m2", "m1"]);
  });
});
