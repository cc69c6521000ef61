import { describe, expect, it } from "vitest";
import { toFtsQuery } from "./fts-query";
import { dot, fuseByReciprocalRank, normalizeVector, RRF_K, topKByCosine } from "./rank";

describe("fuseByReciprocalRank", () => {
  it("scores each id by the sum of 1/(k + rank) over the lists", () => {
    const fused = fuseByReciprocalRank([
      ["a", "b", "c"],
      ["c", "a"],
    ]);
    expect(fused.map((f) => f.id)).toEqual(["a", "c", "b"]);
    expect(fused[0]?.score).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 2), 12);
    expect(fused[1]?.score).toBeCloseTo(1 / (RRF_K + 3) + 1 / (RRF_K + 1), 12);
    expect(fused[0]?.ranks).toEqual([1, 2]);
    expect(fused[2]?.ranks).toEqual([2, null]);
  });

  it("a document first in one list and absent in the other loses to one that is second in both", () => {
    const fused = fuseByReciprocalRank([
      ["x", "y"],
      ["z", "y"],
    ]);
    expect(fused[0]?.id).toBe("y");
  });

  it("with one list keeps its order", () => {
    expect(fuseByReciprocalRank([["q", "w", "e"]]).map((f) => f.id)).toEqual(["q", "w", "e"]);
  });
});

describe("vectors", () => {
  it("normalizes to unit length and ranks by cosine", () => {
    const q = normalizeVector([1, 0]);
    expect(dot(q, q)).toBeCloseTo(1, 6);
    const top = topKByCosine(
      q,
      [
        { id: "far", vector: normalizeVector([0, 1]) },
        { id: "near", vector: normalizeVector([3, 1]) },
        { id: "same", vector: normalizeVector([2, 0]) },
        { id: "wrong-dims", vector: normalizeVector([1, 0, 0]) },
      ],
      2,
    );
    expect(top.map((t) => t.id)).toEqual(["same", "near"]);
    expect(top[0]?.score).toBeCloseTo(1, 6);
  });
});

describe("toFtsQuery", () => {
  it("quotes words, drops stopwords and FTS5 syntax", () => {
    expect(toFtsQuery('the "neural" machine-translation OR NEAR(')).toBe(
      '"neural" OR "machine" OR "translation" OR "near"',
    );
    expect(toFtsQuery("the of")).toBe('"the" OR "of"');
    expect(toFtsQuery("  ?! ")).toBeNull();
  });
});
