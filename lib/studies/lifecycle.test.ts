import { describe, expect, it } from "vitest";
import { deletionConfirmed, describeDeletion } from "./lifecycle";

const summary = {
  title: "Pilot",
  ideas: 1,
  reviews: 3,
  assignments: 4,
  arenaVotes: 0,
  members: 2,
  invitations: 1,
  papers: 0,
  jobs: 1,
  llmCalls: 5,
  chains: 1,
  ideationRuns: 2,
};

describe("describeDeletion", () => {
  it("names every kind of row with its count, singular and plural", () => {
    expect(describeDeletion(summary)).toEqual([
      "1 idea with all their versions",
      "3 reviews and 4 assignments",
      "0 arena votes",
      "the roles of 2 members (their accounts stay)",
      "1 invitation link",
      "0 literature papers",
      "1 background job and 5 logged LLM calls",
      "1 chain build and 2 ideation runs with their progress, prompts and costs",
      "topics, conditions, settings, consents, results and leaderboard snapshots, and the change log",
    ]);
  });
});

describe("deletionConfirmed", () => {
  it.each([
    ["Pilot", true],
    ["  Pilot ", true],
    ["pilot", false],
    ["Pilo", false],
    ["", false],
    [undefined, false],
  ])("%j → %s", (typed, ok) => {
    expect(deletionConfirmed("Pilot", typed)).toBe(ok);
  });
});
