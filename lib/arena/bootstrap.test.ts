import { describe, expect, it } from "vitest";
import { bootstrapBradleyTerry, percentileInterval, rankByIntervals } from "./bootstrap";
import { scoreOf } from "./elo";
import { generateMatches } from "./synthetic";
import type { Game } from "./types";

const tournament = (seed: number, matches = 3000) => {
  const shape = { ideas: 12, matches, topics: 1, conditions: 1, criteria: ["novelty"] };
  const generated = generateMatches(
    { ...shape, humanJudges: 2, llmShare: 0, tieRate: 0.3, spread: 150 },
    seed,
  );
  const games: Game[] = generated.matches.map((m) => ({ a: m.ideaA, b: m.ideaB, score: scoreOf(m.winner) }));
  return { games, strengths: generated.strengths };
};

describe("bootstrapBradleyTerry", () => {
  const { games, strengths } = tournament(3);

  it("is reproducible with the same seed and differs with another", () => {
    const first = bootstrapBradleyTerry(games, { resamples: 200, seed: 5 });
    const again = bootstrapBradleyTerry(games, { resamples: 200, seed: 5 });
    const other = bootstrapBradleyTerry(games, { resamples: 200, seed: 6 });
    expect(again).toEqual(first);
    expect(other.ok && first.ok && other.estimates[0]?.ciLow).not.toBe(first.ok && first.estimates[0]?.ciLow);
  });

  it("gives CIs that contain the estimate and mostly the true strength", () => {
    const result = bootstrapBradleyTerry(games, { resamples: 500, seed: 1 });
    if (!result.ok) throw new Error("tournament should be rateable");
    expect(result.skipped).toBe(0);
    let covered = 0;
    for (const e of result.estimates) {
      expect(e.ciLow).toBeLessThan(e.rating);
      expect(e.ciHigh).toBeGreaterThan(e.rating);
      const truth = strengths.get(e.player) as number;
      if ((e.ciLow as number) <= truth && truth <= (e.ciHigh as number)) covered += 1;
    }
    // 95% intervals for 12 players: on average 11.4 cover; 9 leaves room for chance.
    expect(covered).toBeGreaterThanOrEqual(9);
  });

  it("ranks by CI: the clear leader is first and every rank is in 1…n", () => {
    const result = bootstrapBradleyTerry(games, { resamples: 300, seed: 2 });
    if (!result.ok) throw new Error("tournament should be rateable");
    const best = [...result.estimates].sort((x, y) => y.rating - x.rating)[0];
    expect(best?.rank).toBe(1);
    for (const e of result.estimates) {
      expect(e.rank).toBeGreaterThanOrEqual(1);
      expect(e.rank).toBeLessThanOrEqual(result.estimates.length);
    }
  });

  it("skips and counts resamples without a finite estimate", () => {
    // Each pair met twice with a split result: a resample that draws one side's win twice has no maximum.
    const sparse: Game[] = [
      { a: "A", b: "B", score: 1 },
      { a: "B", b: "A", score: 1 },
      { a: "B", b: "C", score: 1 },
      { a: "C", b: "B", score: 1 },
      { a: "C", b: "A", score: 0.5 },
    ];
    const result = bootstrapBradleyTerry(sparse, { resamples: 400, seed: 1 });
    if (!result.ok) throw new Error("full data should be rateable");
    expect(result.skipped).toBeGreaterThan(0);
    expect(result.skipped).toBeLessThan(400);
    expect(result.estimates.every((e) => e.ciLow !== null && e.ciHigh !== null)).toBe(true);
  });

  it("reports a disconnected graph instead of estimates", () => {
    const result = bootstrapBradleyTerry([
      { a: "A", b: "B", score: 0.5 },
      { a: "C", b: "D", score: 0.5 },
    ]);
    expect(result).toEqual({
      ok: false,
      problem: {
        kind: "disconnected",
        components: [
          ["A", "B"],
          ["C", "D"],
        ],
      },
    });
  });

  it("leaves CIs and ranks empty with no resamples", () => {
    const result = bootstrapBradleyTerry(games, { resamples: 0 });
    expect(result.ok && result.estimates.every((e) => e.ciLow === null && e.rank === null)).toBe(true);
  });
});

describe("percentileInterval", () => {
  it("interpolates linearly between order statistics, as numpy's default", () => {
    expect(percentileInterval([5, 1, 4, 2, 3])).toEqual({ low: 1.1, high: 4.9 });
    const interval = percentileInterval([3, 1, 2], 0.5);
    expect(interval?.low).toBeCloseTo(1.5, 12);
    expect(interval?.high).toBeCloseTo(2.5, 12);
  });

  it("ignores NaN and returns null when nothing is left", () => {
    expect(percentileInterval([Number.NaN, 7, Number.NaN])).toEqual({ low: 7, high: 7 });
    expect(percentileInterval([Number.NaN])).toBeNull();
    expect(percentileInterval([])).toBeNull();
  });
});

describe("rankByIntervals", () => {
  it("counts players whose lower bound is above this player's upper bound", () => {
    const ranks = rankByIntervals([
      { low: 10, high: 20 },
      { low: 5, high: 9 },
      { low: 15, high: 25 },
      null,
      { low: 9, high: 9.5 },
    ]);
    expect(ranks).toEqual([1, 3, 1, null, 3]);
  });
});
