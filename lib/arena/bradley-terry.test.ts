import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fitBradleyTerry, fitCounts } from "./bradley-terry";
import { describeBtProblem, hasFiniteMaximum } from "./bt-diagnosis";
import { scoreOf } from "./elo";
import { parseMatchesCsv } from "./matches-file";
import { countCells, indexGames } from "./pair-index";
import { computeRatings } from "./ratings";
import { generateMatches } from "./synthetic";
import type { Game, MatchRecord } from "./types";

// Made by fixtures/make_bt_fixtures.py (scipy BFGS on the same half-win likelihood).
type Reference = Record<string, Record<"idea" | "condition", Record<string, Record<string, number>>>>;
const reference = JSON.parse(
  readFileSync(new URL("./fixtures/bt-reference.json", import.meta.url), "utf8"),
) as Reference;
const readFixture = (name: string): MatchRecord[] => {
  const parsed = parseMatchesCsv(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.matches;
};
const gamesOf = (matches: readonly MatchRecord[], criterion: string): Game[] =>
  matches
    .filter((m) => m.criterion === criterion)
    .map((m) => ({ a: m.ideaA, b: m.ideaB, score: scoreOf(m.winner) }));

describe("fitBradleyTerry against scipy", () => {
  const cases = Object.keys(reference).flatMap((file) =>
    Object.keys(reference[file]?.idea ?? {})
      .filter((criterion) => criterion !== "average")
      .map((criterion) => ({ file, criterion })),
  );
  it.each(cases)("$file, $criterion: every idea within 0.01 rating points", ({ file, criterion }) => {
    const fit = fitBradleyTerry(gamesOf(readFixture(file), criterion));
    if (!fit.ok) throw new Error(describeBtProblem(fit.problem));
    const expected = reference[file]?.idea[criterion] as Record<string, number>;
    expect([...fit.ratings.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [player, rating] of fit.ratings)
      expect(Math.abs(rating - (expected[player] as number))).toBeLessThan(0.01);
    const mean = [...fit.ratings.values()].reduce((s, r) => s + r, 0) / fit.ratings.size;
    expect(mean).toBeCloseTo(1000, 9);
    expect(fit.converged).toBe(true);
  });

  it.each(Object.keys(reference))("%s through computeRatings: both levels and the average", (file) => {
    const { rows } = computeRatings(readFixture(file), { bootstrap: 0 });
    const levels = reference[file] as Reference[string];
    let compared = 0;
    for (const level of ["idea", "condition"] as const) {
      for (const [criterion, expected] of Object.entries(levels[level])) {
        for (const [player, rating] of Object.entries(expected)) {
          const row = rows.find((r) => r.level === level && r.criterion === criterion && r.player === player);
          expect(Math.abs((row?.bt ?? Number.NaN) - rating)).toBeLessThan(0.01);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(rows.length);
  });
});

describe("fitBradleyTerry on a simulated tournament", () => {
  it("recovers known strengths", () => {
    const shape = { ideas: 12, matches: 20_000, topics: 1, conditions: 2, criteria: ["novelty"] };
    const { matches, strengths } = generateMatches(
      { ...shape, humanJudges: 3, llmShare: 0.5, tieRate: 0.3, spread: 200 },
      7,
    );
    const fit = fitBradleyTerry(gamesOf(matches, "novelty"));
    if (!fit.ok) throw new Error(describeBtProblem(fit.problem));
    // ~3,300 games per idea: the standard error is about 8 points, so 30 is a generous bound.
    for (const [player, truth] of strengths)
      expect(Math.abs((fit.ratings.get(player) as number) - truth)).toBeLessThan(30);
  });

  it("ignores game order and orientation (a swapped game is the same evidence)", () => {
    const games = gamesOf(readFixture("bt-hand.csv"), "novelty");
    const swapped = games.map((g) => ({ a: g.b, b: g.a, score: 1 - g.score })).reverse();
    const x = fitBradleyTerry(games);
    const y = fitBradleyTerry(swapped);
    if (!x.ok || !y.ok) throw new Error("fixture should be rateable");
    for (const [player, rating] of x.ratings) expect(y.ratings.get(player)).toBeCloseTo(rating, 8);
  });

  it("counts a tie as half a win: one win and one loss equal two ties", () => {
    const fit = fitBradleyTerry([
      { a: "A", b: "B", score: 1 },
      { a: "A", b: "B", score: 0 },
      { a: "B", b: "C", score: 0.5 },
      { a: "B", b: "C", score: 0.5 },
      { a: "A", b: "C", score: 1 },
      { a: "C", b: "A", score: 1 },
    ]);
    expect(fit.ok && [...fit.ratings.values()].map((r) => r.toFixed(9))).toEqual([
      "1000.000000000",
      "1000.000000000",
      "1000.000000000",
    ]);
  });

  it("gives 2:1 odds a 400·log10(2) gap", () => {
    const fit = fitBradleyTerry([
      { a: "A", b: "B", score: 1 },
      { a: "A", b: "B", score: 1 },
      { a: "B", b: "A", score: 1 },
    ]);
    expect(fit.ok && (fit.ratings.get("A") as number) - (fit.ratings.get("B") as number)).toBeCloseTo(
      400 * Math.log10(2),
      8,
    );
  });
});

describe("no finite estimate", () => {
  it("reports a disconnected comparison graph with its groups", () => {
    const fit = fitBradleyTerry([
      { a: "A", b: "B", score: 1 },
      { a: "B", b: "A", score: 1 },
      { a: "C", b: "D", score: 0.5 },
    ]);
    expect(fit).toEqual({
      ok: false,
      problem: {
        kind: "disconnected",
        components: [
          ["A", "B"],
          ["C", "D"],
        ],
      },
    });
    if (!fit.ok) {
      expect(describeBtProblem(fit.problem)).toBe(
        "the players fall into 2 groups that never met ({A, B}, {C, D}), so ratings across them would be arbitrary",
      );
    }
  });

  it("reports players that never won and never lost", () => {
    const fit = fitBradleyTerry([
      { a: "A", b: "B", score: 1 },
      { a: "B", b: "C", score: 0.5 },
      { a: "A", b: "C", score: 1 },
    ]);
    expect(fit.ok).toBe(false);
    if (!fit.ok) {
      expect(fit.problem).toMatchObject({ kind: "unbounded", neverWon: [], neverLost: ["A"] });
      expect(describeBtProblem(fit.problem)).toBe("no finite Bradley–Terry estimate (A never lost or tied)");
    }
  });

  it("reports a group that beat everyone outside it, though each of its members lost inside", () => {
    const fit = fitBradleyTerry([
      { a: "A", b: "B", score: 1 },
      { a: "B", b: "A", score: 1 },
      { a: "C", b: "D", score: 1 },
      { a: "D", b: "C", score: 1 },
      { a: "A", b: "C", score: 1 },
      { a: "D", b: "B", score: 0 },
    ]);
    expect(fit.ok).toBe(false);
    if (!fit.ok) {
      expect(fit.problem).toEqual({
        kind: "unbounded",
        neverWon: [],
        neverLost: [],
        groups: [
          ["A", "B"],
          ["C", "D"],
        ],
      });
      expect(describeBtProblem(fit.problem)).toBe(
        "no finite Bradley–Terry estimate ({A, B} won every match against the rest)",
      );
    }
  });

  it("reports no games", () => {
    expect(fitBradleyTerry([])).toEqual({ ok: false, problem: { kind: "empty" } });
  });

  it("agrees with the existence check on random small graphs", () => {
    // A property: whenever the check passes, the fit converges to finite numbers.
    let rateable = 0;
    for (let seed = 1; seed <= 40; seed += 1) {
      const { matches } = generateMatches(
        {
          ideas: 5,
          matches: 6,
          topics: 1,
          conditions: 1,
          criteria: ["c"],
          humanJudges: 1,
          llmShare: 0,
          tieRate: 0.3,
          spread: 300,
        },
        seed,
      );
      const index = indexGames(gamesOf(matches, "c"));
      const counts = countCells(index);
      const fit = fitCounts(index, counts);
      expect(fit.ok).toBe(hasFiniteMaximum(index, counts));
      if (fit.ok) {
        rateable += 1;
        expect(fit.converged).toBe(true);
        expect(fit.ratings.every(Number.isFinite)).toBe(true);
      }
    }
    expect(rateable).toBeGreaterThan(0);
  });
});
