import { describe, expect, it } from "vitest";
import fixture from "@/lib/ideation/fixtures/near-duplicates.json";
import calibration from "@/lib/ideation/fixtures/tfidf-calibration.json";
import { normalizedRows, rowDot, sparseCosine, terms, tfidfVectors } from "./tfidf";

describe("tfidf", () => {
  it("matches numpy's TF-IDF cosine of every fixture pair (lib/ideation/fixtures/calibrate_tfidf_dedup.py)", () => {
    const vectors = tfidfVectors(fixture.seeds.map((s) => s.text));
    expect(calibration.pairCosines).toHaveLength((vectors.length * (vectors.length - 1)) / 2);
    for (const p of calibration.pairCosines) {
      const a = vectors[p.i];
      const b = vectors[p.j];
      if (!a || !b) throw new Error("pair out of range");
      expect(sparseCosine(a, b)).toBeCloseTo(p.cosine, 5);
    }
  });

  it("gives a text cosine 1 with itself, 0 with a text sharing no term, and empty vectors 0", () => {
    const [a, b, c, empty] = tfidfVectors([
      "graph neural networks",
      "graph neural networks",
      "protein folding",
      "the and of",
    ]);
    if (!a || !b || !c || !empty) throw new Error("missing vectors");
    expect(sparseCosine(a, b)).toBeCloseTo(1, 6);
    expect(sparseCosine(a, c)).toBe(0);
    expect(sparseCosine(a, empty)).toBe(0);
  });

  it("strips plural -s but not -ss", () => {
    expect(terms("Models lose losses")).toEqual(["model", "lose", "losse"]);
    expect(terms("class glass")).toEqual(["class", "glass"]);
  });

  it("normalizes dense rows and rejects a wrong dimension", () => {
    const rows = normalizedRows(
      [
        [3, 4],
        [0, 2],
      ],
      2,
    );
    expect(rowDot(rows, 0, rows, 1, 2)).toBeCloseTo(0.8, 6);
    expect(() => normalizedRows([[1, 2, 3]], 2)).toThrow(/embedding 1 has 3 dimensions, expected 2/);
  });
});
