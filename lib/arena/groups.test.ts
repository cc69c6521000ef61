import { describe, expect, it } from "vitest";
import { writeMatchesCsv } from "@/lib/arena/matches-file";
import type { MatchRecord } from "@/lib/arena/types";
import { findGroups } from "./groups";
import { countJudgments, filterMatchesCsv } from "./judges";

// Same-topic pairing: ideas of topic Bias only meet each other, ideas of Math likewise; the
// conditions meet in both topics, so they form one group.
const m = (id: string, topic: string, a: string, b: string, kind: "human" | "llm"): MatchRecord => ({
  matchId: id,
  topic,
  ideaA: a,
  ideaB: b,
  conditionA: a.startsWith("H") ? "Human" : "AI",
  conditionB: b.startsWith("H") ? "Human" : "AI",
  judgeId: kind === "llm" ? "llm" : "u1",
  judgeKind: kind,
  criterion: "novelty",
  winner: "a",
  createdAt: Number(id.slice(1)),
});
const csv = writeMatchesCsv([
  m("m1", "Bias", "HB1", "AB1", "human"),
  m("m2", "Bias", "AB2", "HB1", "llm"),
  m("m3", "Math", "HM1", "AM1", "llm"),
  m("m4", "Math", "AM1", "AM2", "llm"),
]);

describe("comparison groups", () => {
  it("splits ideas per topic when they never met, and keeps conditions in one group", () => {
    const groups = findGroups(csv);
    expect(groups.idea).toEqual([
      { id: 1, topics: ["Bias"], players: ["AB1", "AB2", "HB1"] },
      { id: 2, topics: ["Math"], players: ["AM1", "AM2", "HM1"] },
    ]);
    expect(groups.condition).toEqual([{ id: 1, topics: ["Bias", "Math"], players: ["AI", "Human"] }]);
  });
});

describe("judge filter", () => {
  it("keeps only one kind's rows and counts judgments per kind", () => {
    expect(countJudgments(csv)).toEqual({ human: 1, llm: 3 });
    const human = filterMatchesCsv(csv, "human");
    expect(countJudgments(human)).toEqual({ human: 1, llm: 0 });
    expect(filterMatchesCsv(csv, "all")).toBe(csv);
  });
});
