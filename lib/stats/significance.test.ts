import { describe, expect, it } from "vitest";
import { formatStars } from "./adjust";
import type { SignificanceRow } from "./compare";
import { computeDescriptives } from "./descriptives";
import { type ExpectedTestRow, isClose, loadExpected, loadFixtureTable } from "./fixtures/load-fixtures";
import type { Family } from "./params";
import { computeSignificance } from "./significance";
import type { Correction } from "./stdlib";
import { computeTopicBreakdown } from "./topics";

const expected = loadExpected();
const PRECISE = 1e-9; // descriptives: the same arithmetic in both languages
const TESTED = 1e-6; // statistics whose distributions come from different libraries

const FIELDS: [keyof SignificanceRow, keyof ExpectedTestRow, number][] = [
  ["nCondition", "n_condition", 0],
  ["meanCondition", "mean_condition", PRECISE],
  ["medianCondition", "median_condition", PRECISE],
  ["sdCondition", "sd_condition", PRECISE],
  ["nBaseline", "n_baseline", 0],
  ["meanBaseline", "mean_baseline", PRECISE],
  ["medianBaseline", "median_baseline", PRECISE],
  ["sdBaseline", "sd_baseline", PRECISE],
  ["meanDiff", "mean_diff", PRECISE],
  ["ciLow", "ci_low", TESTED],
  ["ciHigh", "ci_high", TESTED],
  ["t", "t", TESTED],
  ["df", "df", TESTED],
  ["pValue", "p_value", TESTED],
  ["effectSize", "effect_size", TESTED],
  ["effectCiLow", "effect_ci_low", TESTED],
  ["effectCiHigh", "effect_ci_high", TESTED],
  ["robustP", "robust_p", TESTED],
];

/** Every field that differs, as readable lines (an empty list is a pass). */
function diffRows(
  actual: (SignificanceRow & { topic?: string })[],
  wanted: ExpectedTestRow[],
  adjustedKey: string,
): string[] {
  const problems: string[] = [];
  const key = (r: { topic?: string; unit: string; metric: string; condition: string }) =>
    `${r.topic ?? ""}/${r.unit}/${r.metric}/${r.condition}`;
  expect(actual.map(key)).toEqual(wanted.map(key));
  actual.forEach((row, i) => {
    const want = wanted[i] as ExpectedTestRow;
    for (const [field, column, rel] of FIELDS) {
      const a = row[field] as number | null;
      if (!isClose(a, want[column] as number | null, rel))
        problems.push(`${key(row)} ${column}: ${a} vs ${want[column]}`);
    }
    const adjusted = want.adjusted[adjustedKey] ?? null;
    if (!isClose(row.pAdjusted, adjusted, TESTED))
      problems.push(`${key(row)} ${adjustedKey}: ${row.pAdjusted} vs ${adjusted}`);
    if (row.stars !== formatStars(adjusted)) problems.push(`${key(row)} stars "${row.stars}"`);
    if ((row.note === "") !== want.tested)
      problems.push(`${key(row)} note "${row.note}" but tested=${want.tested}`);
  });
  return problems;
}

const COMBOS: [Correction, Family][] = [
  ["bonferroni", "comparison"],
  ["holm", "comparison"],
  ["bh", "comparison"],
  ["bonferroni", "unit"],
  ["holm", "unit"],
  ["bh", "unit"],
];

describe.each(expected.datasets)("$name matches scipy", (dataset) => {
  const table = loadFixtureTable(dataset.file);

  it.each(COMBOS)("significance rows with %s over family=%s", (correction, family) => {
    const rows = computeSignificance(table, { baseline: dataset.baseline, correction, family });
    expect(rows.every((r) => r.correction === correction)).toBe(true);
    expect(diffRows(rows, dataset.significance, `${correction}/${family}`)).toEqual([]);
  });

  it.each(["bonferroni", "holm", "bh"] as const)(
    "per-topic breakdown corrected across topics with %s",
    (correction) => {
      const rows = computeTopicBreakdown(table, { baseline: dataset.baseline, correction });
      expect(diffRows(rows, dataset.topics, `${correction}/topics`)).toEqual([]);
    },
  );

  it("descriptives per condition × metric", () => {
    const rows = computeDescriptives(table);
    expect(rows.map((r) => `${r.condition}/${r.metric}/${r.n}/${r.missing}`)).toEqual(
      dataset.descriptives.map((r) => `${r.condition}/${r.metric}/${r.n}/${r.missing}`),
    );
    const off = rows.flatMap((row, i) => {
      const want = dataset.descriptives[i] as (typeof dataset.descriptives)[number];
      return (["mean", "median", "sd", "se", "min", "max"] as const)
        .filter((f) => !isClose(row[f], want[f], PRECISE))
        .map((f) => `${row.condition}/${row.metric} ${f}: ${row[f]} vs ${want[f]}`);
    });
    expect(off).toEqual([]);
  });
});

describe("fixture coverage", () => {
  it("includes the degenerate and special cases it is meant to cover", () => {
    const all = expected.datasets.flatMap((d) => d.significance);
    // A group of exactly 2, a group of 1, zero variance in one group only, in both, and p = 1.
    expect(all.some((r) => r.tested && (r.n_condition === 2 || r.n_baseline === 2))).toBe(true);
    expect(all.some((r) => !r.tested && r.n_condition === 1)).toBe(true);
    expect(all.some((r) => r.tested && r.unit !== "reviewer" && r.sd_condition === 0)).toBe(true);
    expect(all.some((r) => !r.tested && r.sd_condition === 0 && r.sd_baseline === 0)).toBe(true);
    expect(all.some((r) => r.robust_p === 1)).toBe(true);
    expect(all.some((r) => !r.tested && r.n_condition === 0)).toBe(true);
  });
});
