import { describe, expect, it } from "vitest";
import { analyzeReviews } from "./analyze";
import { formatSignificanceCsv } from "./csv";
import { collectNumbers, makeTable, type ReviewSpec } from "./fixtures/make-table";
import { computeSignificance } from "./significance";

const H = "Human";
/** r1–r3 each review one Human and one AI idea; spreads given per case. */
function crossed(human: number[], ai: number[]): ReviewSpec[] {
  return [
    ...human.map((s, k): ReviewSpec => [H, `h${k}`, `r${k}`, s]),
    ...ai.map((s, k): ReviewSpec => ["AI", `a${k}`, `r${k}`, s]),
  ];
}

type Case = { name: string; reviews: ReviewSpec[]; notes: [unit: string, note: string][] };

const cases: Case[] = [
  {
    name: "condition with one review",
    reviews: crossed([3, 4, 6], [5]),
    notes: [
      [
        "review",
        'insufficient data: only 1 review with a score for novelty in "AI" (a test needs at least 2 reviews)',
      ],
      [
        "idea",
        'insufficient data: only 1 idea with a score for novelty in "AI" (a test needs at least 2 ideas)',
      ],
      [
        "reviewer",
        'insufficient data: only 1 reviewer scored novelty in both "AI" and "Human" (a test needs at least 2 reviewers)',
      ],
    ],
  },
  {
    name: "baseline without scores for the metric",
    reviews: [...crossed([], [5, 6, 7]), [H, "h1", "r1", null]],
    notes: [
      ["review", 'insufficient data: no review with a score for novelty in baseline "Human"'],
      ["idea", 'insufficient data: no idea with a score for novelty in baseline "Human"'],
      ["reviewer", 'insufficient data: no reviewer scored novelty in both "AI" and "Human"'],
    ],
  },
  {
    name: "zero variance in both groups",
    reviews: crossed([4, 4, 4], [6, 6, 6]),
    notes: [
      ["review", 'zero variance in both groups: every novelty score is 6 in "AI" and 4 in "Human"'],
      ["idea", 'zero variance in both groups: every novelty score is 6 in "AI" and 4 in "Human"'],
      ["reviewer", "zero variance: every reviewer's difference is 2"],
    ],
  },
  {
    name: "no reviewer with both conditions",
    reviews: [
      [H, "h1", "r1", 3],
      [H, "h2", "r2", 5],
      ["AI", "a1", "r3", 6],
      ["AI", "a2", "r4", 7],
    ],
    notes: [
      ["review", ""],
      ["idea", ""],
      ["reviewer", 'insufficient data: no reviewer scored novelty in both "AI" and "Human"'],
    ],
  },
  {
    name: "scores beyond double range",
    reviews: crossed([1e308, -1e308, 1e308], [1e308, -1e308, 5]),
    notes: [
      ["review", "the test overflowed: scores too large"],
      ["idea", "the test overflowed: scores too large"],
      ["reviewer", "the test overflowed: scores too large"],
    ],
  },
  {
    name: "zero variance in one group only (Welch still applies)",
    reviews: crossed([5, 5, 5], [4, 6, 8]),
    notes: [
      ["review", ""],
      ["idea", ""],
      ["reviewer", ""],
    ],
  },
];

describe("degenerate data", () => {
  it.each(cases)("$name: exact notes, empty test numbers, no NaN", ({ reviews, notes }) => {
    const rows = computeSignificance(makeTable(reviews), { baseline: H });
    expect(rows.map((r) => [r.unit, r.note])).toEqual(notes);
    for (const row of rows) {
      const tested = [row.t, row.df, row.pValue, row.pAdjusted, row.ciLow, row.effectSize, row.robustP];
      if (row.note === "") expect(tested.every((x) => x !== null)).toBe(true);
      else {
        expect(tested.every((x) => x === null)).toBe(true);
        expect(row.stars).toBe("");
      }
    }
    const analysis = analyzeReviews(makeTable(reviews), { baseline: H });
    expect(collectNumbers(analysis).every(Number.isFinite)).toBe(true);
    expect(formatSignificanceCsv(rows)).not.toMatch(/NaN|Infinity/);
  });

  it("keeps the descriptives that exist on a noted row", () => {
    const [row] = computeSignificance(makeTable(crossed([3, 4, 6], [5])), { baseline: H });
    expect(row).toMatchObject({ nCondition: 1, meanCondition: 5, sdCondition: null, nBaseline: 3 });
    expect(row?.meanBaseline).toBeCloseTo(13 / 3, 12);
  });

  it("reports SE, min and max of each group beside the CSV columns", () => {
    const [row] = computeSignificance(makeTable(crossed([3, 4, 6, 5], [5, 7, 8, 6])), { baseline: H });
    // Baseline 3,4,6,5: mean 4.5, sample SD sqrt(5/3); condition 5,7,8,6: mean 6.5, same SD.
    expect(row).toMatchObject({ minBaseline: 3, maxBaseline: 6, minCondition: 5, maxCondition: 8 });
    expect(row?.seBaseline).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
    expect(row?.seCondition).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
  });

  it("leaves noted rows out of the correction family", () => {
    const table = makeTable([...crossed([3, 4, 6, 5], [5, 7, 8, 6]), ["Solo", "s1", "r1", 4]]);
    const rows = computeSignificance(table, { baseline: H, family: "unit" });
    const review = rows.filter((r) => r.unit === "review");
    expect(review.map((r) => r.condition)).toEqual(["AI", "Solo"]);
    // One test in the family, so Bonferroni leaves its p as it is.
    expect(review[0]?.pAdjusted).toBe(review[0]?.pValue);
    expect(review[1]?.pAdjusted).toBeNull();
  });
});
