import { describe, expect, it } from "vitest";
import { findComponents, findStrongComponents } from "./graph";

describe("findComponents", () => {
  it("numbers components in order of their first node", () => {
    expect([...findComponents(6, [4, 0, 5], [2, 1, 3])]).toEqual([0, 0, 1, 2, 1, 2]);
    expect([...findComponents(2, [], [])]).toEqual([0, 1]);
  });
});

describe("findStrongComponents", () => {
  it("finds cycles and lists a group nothing else reaches first", () => {
    // 0 ⇄ 1 → 2 ⇄ 3, and 4 alone reached from 3.
    const graph = [[1], [0, 2], [3], [2, 4], []];
    expect(findStrongComponents(graph)).toEqual([[0, 1], [2, 3], [4]]);
  });

  it("is one component for a cycle through everyone", () => {
    expect(findStrongComponents([[1], [2], [3], [0]])).toEqual([[0, 1, 2, 3]]);
  });
});
