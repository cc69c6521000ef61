import { describe, expect, it } from "vitest";
import { toFtsQuery } from "./fts-query";
import { dot, dotRows, fuseByReciprocalRank, normalizeVector, RRF_K, topIndices, topKByCosine } from "./rank";

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

describe("dotRows and topIndices", () => {
  it("score every row of a matrix and order rows best first", () => {
    const q = normalizeVector([1, 1]);
    const m = new Float32Array([
      ...normalizeVector([0, 1]),
      ...normalizeVector([1, 1]),
      ...normalizeVector([-1, 0]),
    ]);
    const scores = dotRows(q, m);
    expect(scores[1]).toBeCloseTo(1, 6);
    expect(topIndices(scores, 3)).toEqual([1, 0, 2]);
    expect(topIndices(scores, 1)).toEqual([1]);
    expect(topIndices(new Float32Array([0.5, 0.5]), 2)).toEqual([0, 1]);
  });

  it("topIndices equals a full sort on random scores (property)", () => {
    let x = 7;
    const rand = () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return Math.floor((x / 2147483648) * 50) / 50; // coarse, so ties happen
    };
    for (let trial = 0; trial < 50; trial++) {
      const scores = new Float32Array(1 + ((trial * 7) % 90)).map(rand);
      const sorted = [...scores.keys()].sort(
        (a, b) => (scores[b] as number) - (scores[a] as number) || a - b,
      );
      const n = 1 + (trial % 12);
      expect(topIndices(scores, n)).toEqual(sorted.slice(0, n));
    }
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
