import { describe, expect, it } from "vitest";
import { describePhaseChange, isReviewingOpen, needsConfirmation, type OpenWork } from "./phase-change";

const now = Date.UTC(2026, 5, 1);
const later = Date.UTC(2026, 5, 21);
const work: OpenWork = { draftIdeas: 3, reviewsNotStarted: 1, reviewDrafts: 2, unjudgedPairs: 5 };

describe("describePhaseChange", () => {
  it("starting the arena leaves reviewing open and ends nothing, but overrides the arena's opening date", () => {
    const impact = describePhaseChange({
      from: "reviewing",
      to: "arena",
      work,
      dates: { reviewing: { closesAt: later }, arena: { opensAt: later } },
      now,
    });
    expect(impact.ends).toEqual([]);
    expect(impact.overrides).toEqual(["arena was planned to open on 2026-06-21; it opens now."]);
    expect(isReviewingOpen("arena")).toBe(true);
    expect(isReviewingOpen("closed")).toBe(false);
  });

  it("closing the study ends open reviews and unjudged pairs and names the dates it overrides", () => {
    const impact = describePhaseChange({
      from: "arena",
      to: "closed",
      work,
      dates: { reviewing: { closesAt: later }, arena: { closesAt: now - 1 } },
      now,
    });
    expect(impact.ends).toEqual([
      "2 draft reviews can no longer be submitted.",
      "1 assigned review not yet started will never be written.",
      "5 arena pairs without a human vote can no longer be judged.",
    ]);
    expect(impact.overrides).toEqual(["reviewing was planned to close on 2026-06-21; it closes now."]);
  });

  it("closing writing ends drafts; a change with nothing open needs no confirmation", () => {
    const writing = describePhaseChange({ from: "writing", to: "normalization", work, dates: {}, now });
    expect(writing.ends).toEqual(["3 draft ideas that writers never submitted will not be reviewed."]);
    const empty = { draftIdeas: 0, reviewsNotStarted: 0, reviewDrafts: 0, unjudgedPairs: 0 };
    const quiet = describePhaseChange({ from: "arena", to: "closed", work: empty, dates: {}, now });
    expect(needsConfirmation(quiet)).toBe(false);
    const normalization = describePhaseChange({
      from: "normalization",
      to: "reviewing",
      work: empty,
      dates: { normalization: { closesAt: later } },
      now,
    });
    expect(normalization.overrides).toEqual([
      "normalization was planned to close on 2026-06-21; it closes now.",
    ]);
  });
});
