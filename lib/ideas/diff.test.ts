import { describe, expect, it } from "vitest";
import { at } from "@/lib/assert";
import { type DiffSegment, diffSequences, diffWords } from "./diff";

/** Seeded PRNG (mulberry32) so that a failing random case can be replayed. */
function makeRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A small vocabulary so random texts share words; whitespace variants so whitespace changes too.
const PIECES = [
  "the",
  "model",
  "data",
  "we",
  "é",
  "日本",
  "😀",
  ",",
  ".",
  " ",
  " ",
  "  ",
  "\n",
  "\n\n",
  "\t",
  "-",
];

function randomText(random: () => number, maxPieces: number): string {
  const length = Math.floor(random() * maxPieces);
  let out = "";
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(random() * PIECES.length)];
  return out;
}

function sides(segments: DiffSegment[]) {
  return {
    before: segments
      .filter((s) => s.type !== "added")
      .map((s) => s.text)
      .join(""),
    after: segments
      .filter((s) => s.type !== "removed")
      .map((s) => s.text)
      .join(""),
  };
}

function expectWellFormed(segments: DiffSegment[]) {
  for (const s of segments) expect(s.text).not.toBe("");
  for (let i = 1; i < segments.length; i++) {
    const [previous, current] = [at(segments, i - 1), at(segments, i)];
    expect(current.type === previous.type, `segments ${i - 1} and ${i}`).toBe(false);
    // Within a change, the removed text comes first.
    expect(previous.type === "added" && current.type === "removed").toBe(false);
  }
}

/** Length of a longest common subsequence, by the textbook dynamic programme. */
function lcsLength(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1] ? at(previous, j - 1) + 1 : Math.max(at(previous, j), at(current, j - 1));
    }
    previous = current;
  }
  return at(previous, b.length);
}

describe("diffWords", () => {
  it.each<[string, string, string, DiffSegment[]]>([
    ["identical", "same text", "same text", [{ type: "same", text: "same text" }]],
    ["both empty", "", "", []],
    ["all added", "", "new words", [{ type: "added", text: "new words" }]],
    ["all removed", "old words", "", [{ type: "removed", text: "old words" }]],
    [
      "one word replaced",
      "a small model",
      "a large model",
      [
        { type: "same", text: "a " },
        { type: "removed", text: "small" },
        { type: "added", text: "large" },
        { type: "same", text: " model" },
      ],
    ],
    [
      "a rewritten phrase reads as one replacement",
      "The quick brown fox",
      "A slow red fox",
      [
        { type: "removed", text: "The quick brown" },
        { type: "added", text: "A slow red" },
        { type: "same", text: " fox" },
      ],
    ],
    [
      "punctuation is its own token",
      "We train it, then test.",
      "We train it; then test.",
      [
        { type: "same", text: "We train it" },
        { type: "removed", text: "," },
        { type: "added", text: ";" },
        { type: "same", text: " then test." },
      ],
    ],
    [
      "a word inserted",
      "train the model",
      "train the large model",
      [
        { type: "same", text: "train the " },
        { type: "added", text: "large " },
        { type: "same", text: "model" },
      ],
    ],
    [
      "whitespace change only",
      "one two",
      "one\n\ntwo",
      [
        { type: "same", text: "one" },
        { type: "removed", text: " " },
        { type: "added", text: "\n\n" },
        { type: "same", text: "two" },
      ],
    ],
    [
      "accented words stay whole",
      "naïve café",
      "naïve bar",
      [
        { type: "same", text: "naïve " },
        { type: "removed", text: "café" },
        { type: "added", text: "bar" },
      ],
    ],
  ])("%s", (_name, before, after, expected) => {
    expect(diffWords({ before, after })).toEqual(expected);
  });

  it("rebuilds both texts from random inputs, with well-formed segments", () => {
    const random = makeRandom(7);
    for (let trial = 0; trial < 600; trial++) {
      const before = randomText(random, 40);
      // Half the trials edit `before` a little, so long common runs are exercised too.
      const after = random() < 0.5 ? randomText(random, 40) : mutate(before, random);
      const segments = diffWords({ before, after });
      expect(sides(segments), `trial ${trial}: ${JSON.stringify([before, after])}`).toEqual({
        before,
        after,
      });
      expectWellFormed(segments);
    }
  });

  it("falls back to whole lines past the token guard, still rebuilding both texts", () => {
    const before = "alpha beta gamma\ndelta epsilon\nzeta eta\n";
    const after = "alpha beta gamma\nDELTA EPSILON\nzeta eta\n";
    const segments = diffWords({ before, after, maxTokens: 2 });
    expect(segments).toEqual([
      { type: "same", text: "alpha beta gamma\n" },
      { type: "removed", text: "delta epsilon\n" },
      { type: "added", text: "DELTA EPSILON\n" },
      { type: "same", text: "zeta eta\n" },
    ]);
    // Under the guard the same input gets a word diff.
    expect(diffWords({ before, after })).toContainEqual({ type: "added", text: "DELTA EPSILON" });
  });

  it("replaces everything when even the lines exceed the guard", () => {
    const segments = diffWords({ before: "a\nb\nc", after: "x\ny\nz", maxTokens: 1 });
    expect(segments).toEqual([
      { type: "removed", text: "a\nb\nc" },
      { type: "added", text: "x\ny\nz" },
    ]);
  });

  it("measures the guard after the shared prefix and suffix, so a small edit in a long text stays word-level", () => {
    const long = Array.from({ length: 5_000 }, (_, i) => `w${i}`).join(" ");
    const segments = diffWords({
      before: `${long} old ${long}`,
      after: `${long} new ${long}`,
      maxTokens: 10,
    });
    expect(segments.filter((s) => s.type !== "same")).toEqual([
      { type: "removed", text: "old" },
      { type: "added", text: "new" },
    ]);
  });

  it("handles large, very different inputs through the fallback", () => {
    const random = makeRandom(99);
    const words = (count: number) =>
      Array.from({ length: count }, () => PIECES[Math.floor(random() * 5)]).join(random() < 0.1 ? "\n" : " ");
    const before = words(12_000);
    const after = words(12_000);
    const segments = diffWords({ before, after });
    expect(sides(segments)).toEqual({ before, after });
    expectWellFormed(segments);
  });
});

function mutate(text: string, random: () => number): string {
  const pieces = text.match(/\s+|\S+/g) ?? [];
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const position = Math.floor(random() * (pieces.length + 1));
    const kind = random();
    if (kind < 0.33) pieces.splice(position, 1);
    else if (kind < 0.66) pieces.splice(position, 0, at(PIECES, Math.floor(random() * PIECES.length)));
    else pieces.splice(position, 1, at(PIECES, Math.floor(random() * PIECES.length)));
  }
  return pieces.join("");
}

describe("diffSequences", () => {
  it("finds a longest common subsequence on random token lists", () => {
    const random = makeRandom(2024);
    for (let trial = 0; trial < 500; trial++) {
      const alphabet = ["a", "b", "c", "d"].slice(0, 1 + Math.floor(random() * 4));
      const make = () =>
        Array.from({ length: Math.floor(random() * 25) }, () =>
          at(alphabet, Math.floor(random() * alphabet.length)),
        );
      const a = make();
      const b = make();
      const ops = diffSequences({ a, b });
      const same = ops.filter((o) => o.type === "same").flatMap((o) => o.tokens);
      const context = `trial ${trial}: ${a.join("")} / ${b.join("")}`;
      expect(same.length, context).toBe(lcsLength(a, b));
      expect(
        ops.filter((o) => o.type !== "added").flatMap((o) => o.tokens),
        context,
      ).toEqual(a);
      expect(
        ops.filter((o) => o.type !== "removed").flatMap((o) => o.tokens),
        context,
      ).toEqual(b);
    }
  });

  it("is minimal on a known case", () => {
    // LCS of ABCABBA and CBABAC has length 4 (Myers' paper example): 5 edits.
    const ops = diffSequences({ a: [..."ABCABBA"], b: [..."CBABAC"] });
    const edits = ops.filter((o) => o.type !== "same").reduce((n, o) => n + o.tokens.length, 0);
    expect(edits).toBe(5);
  });
});
