import { describe, expect, it } from "vitest";
import { applyChainEdit } from "./edit";
import type { StoredChainOptions } from "./stored";

const base: StoredChainOptions = {
  k: 3,
  maxLength: 5,
  minLength: 3,
  seed: 1,
  pinnedAnchorIds: ["p1"],
  excludedIds: ["x1"],
};

describe("applyChainEdit", () => {
  it("excluding a pinned paper unpins it, and pinning an excluded one restores it", () => {
    expect(applyChainEdit(base, "exclude", "p1")).toMatchObject({
      pinnedAnchorIds: [],
      excludedIds: ["x1", "p1"],
    });
    expect(applyChainEdit(base, "pin", "x1")).toMatchObject({
      pinnedAnchorIds: ["p1", "x1"],
      excludedIds: [],
    });
  });

  it("unpins, restores, never duplicates, and a plain rebuild keeps the options", () => {
    expect(applyChainEdit(base, "unpin", "p1").pinnedAnchorIds).toEqual([]);
    expect(applyChainEdit(base, "restore", "x1").excludedIds).toEqual([]);
    expect(applyChainEdit(base, "pin", "p1").pinnedAnchorIds).toEqual(["p1"]);
    expect(applyChainEdit(base, "rebuild", null)).toEqual(base);
  });
});
