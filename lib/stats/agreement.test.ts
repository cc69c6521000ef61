import { describe, expect, it } from "vitest";
import { computeAgreement } from "./agreement";
import { isClose, loadExpected, loadFixtureTable } from "./fixtures/load-fixtures";
import type { TidyReview, TidyTable } from "./tidy";

const expected = loadExpected();

/** One review per value; each inner list is one idea (all in one condition). */
function tableOf(units: (number | null)[][], condition = "A"): TidyTable {
  const rows: TidyReview[] = units.flatMap((values, u) =>
    values.map((score, k) => ({
      line: 0,
      reviewId: `v${u}-${k}`,
      ideaId: `i${u}`,
      topic: "T",
      condition,
      reviewerId: `r${k}`,
      scores: { novelty: score },
      confidence: null,
      familiarity: null,
      minutes: null,
      submittedAt: "",
      extra: {},
    })),
  );
  return { metrics: ["novelty"], extraColumns: [], rows };
}

describe("computeAgreement (Krippendorff's alpha, interval)", () => {
  it("gives 0.849 on Krippendorff's (2011) worked example, as the paper and the coincidence matrix do", () => {
    const [row] = computeAgreement(tableOf(expected.krippendorff_example.units));
    expect(row?.alpha).toBeCloseTo(0.849, 3);
    expect(isClose(row?.alpha ?? null, expected.krippendorff_example.alpha, 1e-12)).toBe(true);
    // Unit 12 has one value, so it is not pairable.
    expect(row).toMatchObject({ ideas: 11, reviews: 40, note: "" });
  });

  it.each(expected.datasets)("matches the Python implementation on $name", (dataset) => {
    const rows = computeAgreement(loadFixtureTable(dataset.file));
    expect(rows.map((r) => [r.metric, r.ideas, r.reviews])).toEqual(
      dataset.agreement.map((r) => [r.metric, r.ideas, r.reviews]),
    );
    rows.forEach((row, i) => {
      expect(isClose(row.alpha, dataset.agreement[i]?.alpha ?? null, 1e-9)).toBe(true);
    });
  });

  it("treats the same idea under two conditions as two units", () => {
    const a = tableOf([[1, 2]], "A").rows;
    const b = tableOf([[8, 9]], "B").rows;
    const [row] = computeAgreement({ metrics: ["novelty"], extraColumns: [], rows: [...a, ...b] });
    expect(row).toMatchObject({ ideas: 2, reviews: 4 });
    // Pooled as one idea the four values would disagree badly; as two units they mostly agree.
    expect(row?.alpha).toBeGreaterThan(0.8);
  });

  const degenerate: { name: string; units: (number | null)[][]; alpha: number | null; note: string }[] = [
    {
      name: "no idea with 2 scores",
      units: [[3], [4, null]],
      alpha: null,
      note: "no idea has 2 or more novelty scores",
    },
    {
      name: "every score equal",
      units: [
        [5, 5],
        [5, 5, 5],
      ],
      alpha: null,
      note: "every novelty score is 5: alpha is undefined",
    },
    {
      name: "perfect agreement",
      units: [
        [2, 2],
        [7, 7, 7],
      ],
      alpha: 1,
      note: "",
    },
  ];
  it.each(degenerate)("$name", ({ units, alpha, note }) => {
    const [row] = computeAgreement(tableOf(units));
    expect(row?.alpha).toBe(alpha);
    expect(row?.note).toBe(note);
  });
});
