import { describe, expect, it } from "vitest";
import { computeRatings, writeAgreementCsv, writeRatingsCsv, writeWinRatesCsv } from "@/lib/arena/ratings";
import { generateMatches } from "@/lib/arena/synthetic";
import { readAgreementCsv, readRatingsCsv, readWinRatesCsv } from "./leaderboard-files";
import { buildLeaderboardView } from "./leaderboard-view";

const { matches } = generateMatches(
  {
    ideas: 8,
    matches: 300,
    topics: 1,
    conditions: 3,
    criteria: ["novelty", "clarity"],
    humanJudges: 3,
    llmShare: 0.5,
    tieRate: 0.2,
    spread: 150,
  },
  7,
);
const result = computeRatings(matches, { k: 4, bootstrap: 50, seed: 3 });
const files = {
  ratingsCsv: writeRatingsCsv(result.rows),
  winRatesCsv: writeWinRatesCsv(result.winRates),
  agreementCsv: writeAgreementCsv(result),
};

describe("reading the output files back", () => {
  it("gives back exactly the rows that were written, numbers and empty cells included", () => {
    expect(readRatingsCsv(files.ratingsCsv)).toEqual(result.rows);
    expect(readWinRatesCsv(files.winRatesCsv)).toEqual(result.winRates);
    expect(readAgreementCsv(files.agreementCsv)).toEqual({
      agreement: result.agreement,
      positionBias: result.positionBias,
    });
    const noCi = computeRatings(matches, { bootstrap: 0 });
    expect(readRatingsCsv(writeRatingsCsv(noCi.rows))).toEqual(noCi.rows);
  });

  it("names the file and line of a broken file", () => {
    expect(() => readRatingsCsv('level,criterion\n"idea,x\n')).toThrow(/^ratings\.csv:2:/);
    expect(() => readRatingsCsv("level\nidea\n")).toThrow('ratings.csv: missing column "criterion"');
  });
});

describe("the leaderboard view", () => {
  it("shows average first and both levels of the chosen criterion, with CI points", () => {
    const view = buildLeaderboardView({ ...files, criterion: "clarity" });
    expect(view.criteria).toEqual(["average", "novelty", "clarity"]);
    expect(view.criterion).toBe("clarity");
    const ideaRows = result.rows.filter((r) => r.level === "idea" && r.criterion === "clarity");
    expect(view.levels.idea.rows).toEqual(ideaRows);
    expect(view.levels.condition.rows.map((r) => r.player).sort()).toEqual(["C1", "C2", "C3"]);
    for (const p of view.levels.idea.chart) {
      const row = ideaRows.find((r) => r.player === p.player)!;
      expect(p).toEqual({
        player: row.player,
        bt: row.bt,
        low: row.btCiLow,
        high: row.btCiHigh,
        rank: row.rank,
        provisional: row.provisional,
      });
      expect(p.low!).toBeLessThanOrEqual(p.bt);
      expect(p.high!).toBeGreaterThanOrEqual(p.bt);
    }
  });

  it("falls back to average for an unknown criterion and pools every criterion's win rates there", () => {
    const view = buildLeaderboardView({ ...files, criterion: "nonsense" });
    expect(view.criterion).toBe("average");
    expect(view.winRates.conditions).toEqual(["C1", "C2", "C3"]);
    const cell = view.winRates.cells.find((c) => c.condition === "C1" && c.opponent === "C2")!;
    const parts = result.winRates.filter((r) => r.condition === "C1" && r.opponent === "C2");
    expect(parts).toHaveLength(2);
    expect(cell.matches).toBe(parts[0]!.matches + parts[1]!.matches);
    expect(cell.winRate).toBeCloseTo((cell.wins + cell.ties / 2) / cell.matches, 12);
    const mirror = view.winRates.cells.find((c) => c.condition === "C2" && c.opponent === "C1")!;
    expect(cell.winRate + mirror.winRate).toBeCloseTo(1, 12);
  });

  it("uses one criterion's win rates as written when a criterion is chosen", () => {
    const view = buildLeaderboardView({ ...files, criterion: "novelty" });
    expect(view.winRates.cells).toEqual(
      result.winRates.filter((r) => r.criterion === "novelty").map(({ criterion: _c, ...rest }) => rest),
    );
  });
});
