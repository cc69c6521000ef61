import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { computeRatings, writeAgreementCsv, writeRatingsCsv, writeWinRatesCsv } from "./ratings";
import { generateMatches } from "./synthetic";
import type { JudgeKind, MatchRecord, RatingRow, Verdict } from "./types";

const CONDITION: Record<string, string> = { i1: "X", i2: "X", i3: "Y", i4: "Y" };

function match(
  matchId: string,
  createdAt: number,
  [ideaA, ideaB]: [string, string],
  verdicts: Record<string, Verdict>,
  judge: { kind: JudgeKind; id?: string } = { kind: "human" },
): MatchRecord[] {
  return Object.entries(verdicts).map(([criterion, winner]) => ({
    matchId,
    topic: "T",
    ideaA,
    ideaB,
    conditionA: CONDITION[ideaA] as string,
    conditionB: CONDITION[ideaB] as string,
    judgeId: judge.id ?? (judge.kind === "llm" ? "llm" : "u1"),
    judgeKind: judge.kind,
    criterion,
    winner,
    createdAt,
  }));
}

const find = (rows: RatingRow[], level: string, criterion: string, player: string) =>
  rows.find((r) => r.level === level && r.criterion === criterion && r.player === player);

describe("computeRatings: levels, counts and Elo", () => {
  const matches = [
    ...match("m3", 3, ["i4", "i2"], { novelty: "tie" }),
    ...match("m1", 1, ["i1", "i2"], { novelty: "a" }),
    ...match("m2", 2, ["i1", "i3"], { novelty: "b" }),
  ];
  const result = computeRatings(matches, { bootstrap: 0 });

  it("counts every match at idea level and only cross-condition ones at condition level", () => {
    const pick = (r?: RatingRow) => r && [r.matches, r.wins, r.ties, r.losses, r.provisional];
    expect(pick(find(result.rows, "idea", "novelty", "i1"))).toEqual([2, 1, 0, 1, true]);
    expect(pick(find(result.rows, "idea", "novelty", "i2"))).toEqual([2, 0, 1, 1, true]);
    expect(pick(find(result.rows, "condition", "novelty", "X"))).toEqual([2, 0, 1, 1, true]);
    expect(pick(find(result.rows, "condition", "novelty", "Y"))).toEqual([2, 1, 1, 0, true]);
  });

  it("applies Elo in created_at order, not file order", () => {
    const order = computeRatings(
      [
        ...match("m1", 20, ["i1", "i2"], { novelty: "b" }),
        ...match("m2", 10, ["i1", "i2"], { novelty: "a" }),
      ],
      { bootstrap: 0 },
    );
    // i1 wins first (→ 1002), then loses as the favourite: 1002 − 4·0.505757… = 999.97697…
    expect(find(order.rows, "idea", "novelty", "i1")?.elo).toBeCloseTo(999.9769751663554, 10);
    expect(find(order.rows, "idea", "novelty", "i2")?.elo).toBeCloseTo(1000.0230248336446, 10);
  });

  it("uses K from the options", () => {
    const rows = computeRatings(match("m1", 1, ["i1", "i3"], { novelty: "a" }), { k: 32, bootstrap: 0 }).rows;
    expect(find(rows, "idea", "novelty", "i1")?.elo).toBe(1016);
    expect(find(rows, "condition", "novelty", "Y")?.elo).toBe(984);
  });

  it("leaves bt empty and says why when a player never lost; a tie is enough to be rated", () => {
    expect(find(result.rows, "idea", "novelty", "i3")).toMatchObject({ bt: null, btCiLow: null, rank: null });
    expect(result.problems).toEqual([
      "idea level, novelty: no finite Bradley–Terry estimate (i3 never lost or tied); bt, CI and rank left empty",
    ]);
    // X lost once and tied once against Y: 0.5 of 2 points, odds 1:3, a gap of 400·log10(3).
    const [x, y] = ["X", "Y"].map((c) => find(result.rows, "condition", "novelty", c)?.bt as number);
    expect((y as number) - (x as number)).toBeCloseTo(400 * Math.log10(3), 8);
  });

  it("builds the win-rate matrix both ways, a tie counting half", () => {
    expect(result.winRates).toEqual([
      {
        criterion: "novelty",
        condition: "X",
        opponent: "Y",
        matches: 2,
        wins: 0,
        ties: 1,
        losses: 1,
        winRate: 0.25,
      },
      {
        criterion: "novelty",
        condition: "Y",
        opponent: "X",
        matches: 2,
        wins: 1,
        ties: 1,
        losses: 0,
        winRate: 0.75,
      },
    ]);
  });
});

describe("computeRatings: Bradley–Terry, bootstrap and average", () => {
  const shape = { ideas: 9, matches: 1500, topics: 1, conditions: 3, criteria: ["novelty", "clarity"] };
  const { matches } = generateMatches(
    { ...shape, humanJudges: 4, llmShare: 0.5, tieRate: 0.3, spread: 150 },
    11,
  );
  const result = computeRatings(matches, { bootstrap: 200, seed: 4 });

  it("is reproducible with the same seed", () => {
    expect(computeRatings(matches, { bootstrap: 200, seed: 4 })).toEqual(result);
    const other = computeRatings(matches, { bootstrap: 200, seed: 5 });
    expect(other.rows.map((r) => r.btCiLow)).not.toEqual(result.rows.map((r) => r.btCiLow));
  });

  it("gives every player a row per criterion and an average, with CIs around the estimate", () => {
    expect(result.problems).toEqual([]);
    // Ideas: 9 × (2 criteria + average); conditions: 3 × 3.
    expect(result.rows).toHaveLength(27 + 9);
    for (const row of result.rows) {
      expect(row.btCiLow as number).toBeLessThanOrEqual(row.bt as number);
      expect(row.btCiHigh as number).toBeGreaterThanOrEqual(row.bt as number);
      expect(row.rank).toBeGreaterThanOrEqual(1);
    }
  });

  it("averages each player's criterion ratings; matches are its matches, W/T/L summed over criteria", () => {
    for (const player of ["i1", "i5", "C2"]) {
      const level = player.startsWith("C") ? "condition" : "idea";
      const [n, c, avg] = ["novelty", "clarity", "average"].map(
        (k) => find(result.rows, level, k, player) as RatingRow,
      );
      expect(avg?.bt).toBeCloseTo(((n?.bt as number) + (c?.bt as number)) / 2, 10);
      expect(avg?.elo).toBeCloseTo(((n?.elo as number) + (c?.elo as number)) / 2, 10);
      expect(avg).toMatchObject({
        matches: n?.matches,
        wins: (n?.wins as number) + (c?.wins as number),
        ties: (n?.ties as number) + (c?.ties as number),
        losses: (n?.losses as number) + (c?.losses as number),
        provisional: false,
      });
    }
  });

  it("orders rows best first within each level and criterion", () => {
    const novelty = result.rows.filter((r) => r.level === "idea" && r.criterion === "novelty");
    const bts = novelty.map((r) => r.bt as number);
    expect(bts).toEqual([...bts].sort((x, y) => y - x));
    expect(novelty[0]?.rank).toBe(1);
  });

  it("with a weak prior rates every player, even one that never lost, and skips no resample", () => {
    const unbeaten = [
      ...match("p1", 1, ["i1", "i2"], { novelty: "a" }),
      ...match("p2", 2, ["i1", "i3"], { novelty: "a" }),
      ...match("p3", 3, ["i2", "i3"], { novelty: "tie" }),
    ];
    const plain = computeRatings(unbeaten, { bootstrap: 20 });
    expect(find(plain.rows, "idea", "novelty", "i1")?.bt).toBeNull();
    const prior = computeRatings(unbeaten, { bootstrap: 20, prior: 1 });
    expect(
      prior.rows.filter((r) => r.level === "idea").every((r) => r.bt !== null && r.btCiLow !== null),
    ).toBe(true);
    expect(prior.problems.filter((p) => p.includes("skipped"))).toEqual([]);
  });

  it("leaves CIs and ranks empty without resamples", () => {
    const rows = computeRatings(matches, { bootstrap: 0 }).rows;
    expect(
      rows.every((r) => r.btCiLow === null && r.btCiHigh === null && r.rank === null && r.bt !== null),
    ).toBe(true);
  });

  it("fits each topic's ideas on their own and says so", () => {
    const twoTopics = generateMatches(
      { ...shape, topics: 2, humanJudges: 2, llmShare: 0, tieRate: 0.2, spread: 150 },
      2,
    );
    const split = computeRatings(twoTopics.matches, { bootstrap: 50, seed: 1 });
    expect(split.problems).toEqual([
      "idea level: 2 comparison groups that never met, not even through others (usually one per topic); Bradley–Terry ratings and ranks compare players within a group only",
    ]);
    const leaders = split.rows.filter((r) => r.level === "idea" && r.criterion === "average" && r.rank === 1);
    expect(new Set(leaders.map((r) => r.player)).size).toBeGreaterThanOrEqual(2);
    for (const topic of [0, 1]) {
      const ids = split.rows.filter(
        (r) =>
          r.level === "idea" &&
          r.criterion === "novelty" &&
          Number(r.player.slice(1)) % 2 === (topic + 1) % 2,
      );
      const mean = ids.reduce((s, r) => s + (r.bt as number), 0) / ids.length;
      expect(mean).toBeCloseTo(1000, 8);
    }
  });
});

describe("computeRatings: agreement and position bias", () => {
  const llm = { kind: "llm" as const };
  const matches = [
    ...match("m1", 1, ["i1", "i2"], { novelty: "a", clarity: "tie" }),
    ...match("m2", 2, ["i1", "i2"], { novelty: "a", clarity: "a" }, llm),
    ...match("m3", 3, ["i2", "i1"], { novelty: "b", clarity: "a" }, llm),
    ...match("m4", 4, ["i3", "i4"], { novelty: "a", clarity: "a" }),
    ...match("m5", 5, ["i4", "i3"], { novelty: "a", clarity: "b" }, { kind: "human", id: "u2" }),
    ...match("m6", 6, ["i3", "i4"], { novelty: "a", clarity: "tie" }, { kind: "human", id: "u3" }),
    ...match("m7", 7, ["i3", "i4"], { novelty: "b", clarity: "a" }, llm),
    ...match("m8", 8, ["i4", "i3"], { novelty: "a", clarity: "b" }, llm),
    ...match("m9", 9, ["i1", "i3"], { novelty: "b", clarity: "b" }),
  ];
  const result = computeRatings(matches, { bootstrap: 0 });

  it("compares the combined human and LLM verdicts per unordered pair", () => {
    // {i1,i2} novelty: both pick i1. clarity: human tie; the LLM's swapped judgments split, so tie.
    // {i3,i4} novelty: humans 2:1 for i3, LLM i4 twice. clarity: both i3. {i1,i3}: humans only.
    expect(result.agreement).toEqual([
      { criterion: "novelty", pairs: 2, agree: 1, rate: 0.5 },
      { criterion: "clarity", pairs: 2, agree: 2, rate: 1 },
      { criterion: "all", pairs: 4, agree: 3, rate: 0.75 },
    ]);
  });

  it("measures the share of decisive verdicts that went left, per judge kind", () => {
    expect(result.positionBias).toEqual([
      { criterion: "novelty", judgeKind: "human", decisive: 5, leftWins: 4, rate: 0.8 },
      { criterion: "novelty", judgeKind: "llm", decisive: 4, leftWins: 2, rate: 0.5 },
      { criterion: "clarity", judgeKind: "human", decisive: 3, leftWins: 1, rate: 1 / 3 },
      { criterion: "clarity", judgeKind: "llm", decisive: 4, leftWins: 3, rate: 0.75 },
      { criterion: "all", judgeKind: "human", decisive: 8, leftWins: 5, rate: 0.625 },
      { criterion: "all", judgeKind: "llm", decisive: 8, leftWins: 5, rate: 0.625 },
    ]);
  });
});

describe("writers", () => {
  const row: RatingRow = {
    level: "idea",
    criterion: "novelty",
    player: "i1",
    elo: 1001.9769751663554,
    bt: null,
    btCiLow: null,
    btCiHigh: null,
    rank: null,
    matches: 3,
    wins: 1,
    ties: 1,
    losses: 1,
    provisional: true,
  };

  it("writes ratings.csv with the spec's columns, full precision and empty cells for missing", () => {
    expect(writeRatingsCsv([row])).toBe(
      "level,criterion,player,elo,bt,bt_ci_low,bt_ci_high,rank,matches,wins,ties,losses,provisional\r\n" +
        "idea,novelty,i1,1001.9769751663554,,,,,3,1,1,1,true\r\n",
    );
  });

  it("writes winrates.csv and agreement.csv that read back", () => {
    const winRates = writeWinRatesCsv([
      {
        criterion: "novelty",
        condition: "X",
        opponent: "Y",
        matches: 3,
        wins: 1,
        ties: 1,
        losses: 1,
        winRate: 0.5,
      },
    ]);
    expect(winRates).toBe(
      "criterion,condition,opponent,matches,wins,ties,losses,win_rate\r\nnovelty,X,Y,3,1,1,1,0.5\r\n",
    );
    const agreement = writeAgreementCsv({
      agreement: [{ criterion: "all", pairs: 0, agree: 0, rate: null }],
      positionBias: [{ criterion: "all", judgeKind: "llm", decisive: 3, leftWins: 1, rate: 1 / 3 }],
    });
    expect(parseCsv(agreement).rows.map((r) => r.values)).toEqual([
      ["agreement", "all", "", "0", "0", ""],
      ["position_bias", "all", "llm", "3", "1", String(1 / 3)],
    ]);
  });
});
