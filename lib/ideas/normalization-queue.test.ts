import { describe, expect, it } from "vitest";
import {
  cleanRewriteIds,
  type NormalizationRow,
  nextIdeaId,
  normalizationPhaseProblem,
} from "./normalization-queue";

const row = (id: string, over: Partial<NormalizationRow> = {}): NormalizationRow => ({
  id,
  normalizationState: "done",
  normalizationReview: "unreviewed",
  reviewTextSource: null,
  ...over,
});

describe("cleanRewriteIds", () => {
  it("keeps only finished, undecided rewrites without hits, in list order", () => {
    const rows = [
      row("a"),
      row("b", { normalizationState: "error" }),
      row("c"),
      row("d", { normalizationReview: "accepted", reviewTextSource: "normalized" }),
      row("e", { normalizationReview: "rejected", reviewTextSource: "original" }),
      row("f", { normalizationState: "pending" }),
      row("g", { normalizationState: "none" }),
      row("h"),
    ];
    const hits: Record<string, number> = { c: 2 };
    expect(cleanRewriteIds(rows, (id) => hits[id] ?? 0)).toEqual(["a", "h"]);
  });
});

describe("nextIdeaId", () => {
  const rows = [
    row("a"),
    row("b", { normalizationReview: "accepted", reviewTextSource: "normalized" }),
    row("c"),
    row("d", { normalizationReview: "rejected", reviewTextSource: "original" }),
  ];
  it("skips decided ideas and wraps round to the next undecided one", () => {
    expect(nextIdeaId(rows, "a")).toBe("c");
    expect(nextIdeaId(rows, "c")).toBe("a");
    expect(nextIdeaId(rows, "b")).toBe("c");
  });
  it("falls back to the next idea in order when every other idea is decided", () => {
    const decided = rows.map((r) => ({
      ...r,
      normalizationReview: "accepted" as const,
      reviewTextSource: "normalized" as const,
    }));
    expect(nextIdeaId(decided, "a")).toBe("b");
    expect(nextIdeaId(decided, "d")).toBe("a");
  });
  it("has no next idea in a list of one, and starts at the top for an unknown id", () => {
    expect(nextIdeaId([row("a")], "a")).toBeUndefined();
    expect(nextIdeaId(rows, "zz")).toBe("a");
  });
});

describe("normalizationPhaseProblem", () => {
  it("allows writing and normalization and names the phase otherwise", () => {
    expect(normalizationPhaseProblem("writing")).toBeNull();
    expect(normalizationPhaseProblem("normalization")).toBeNull();
    expect(normalizationPhaseProblem("reviewing")).toMatch(/reviewing phase/);
    expect(normalizationPhaseProblem("setup")).toMatch(/setup phase/);
  });
});
