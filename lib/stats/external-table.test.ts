// An external table with only the required columns (idea_id, condition, metrics): the published
// review scores of Si et al. (2024), excerpt in fixtures/ with its MIT attribution, checked against
// the scipy values of make_si2024_excerpt.py. Analyses needing absent columns are skipped with a note.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeReviews } from "./analyze";
import type { SignificanceRow } from "./compare";
import { isClose } from "./fixtures/load-fixtures";
import { parseTidyReviews } from "./tidy";

type Ref = Record<string, number | string | boolean | null>;
const here = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const reference = JSON.parse(readFileSync(here("si2024-excerpt.json"), "utf8")) as {
  rows: number;
  significance: Ref[];
};
const parsed = parseTidyReviews(readFileSync(here("si2024-excerpt.csv"), "utf8"));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const table = parsed.table;
const FIELDS = [
  ["nCondition", "n_condition"],
  ["meanCondition", "mean_condition"],
  ["sdCondition", "sd_condition"],
  ["nBaseline", "n_baseline"],
  ["meanBaseline", "mean_baseline"],
  ["meanDiff", "mean_diff"],
  ["ciLow", "ci_low"],
  ["ciHigh", "ci_high"],
  ["t", "t"],
  ["df", "df"],
  ["pValue", "p_value"],
  ["pAdjusted", "p_adjusted"],
  ["effectSize", "effect_size"],
  ["robustP", "robust_p"],
] as const;

describe("an external table with only idea_id, condition and metrics", () => {
  it("is read with generated review ids and the optional columns marked absent", () => {
    expect(table.rows).toHaveLength(reference.rows);
    expect(table.metrics).toEqual(["novelty", "excitement", "feasibility", "effectiveness", "overall"]);
    expect(table.absent).toEqual([
      "review_id",
      "topic",
      "reviewer_id",
      "confidence",
      "familiarity",
      "minutes",
      "submitted_at",
    ]);
    expect(table.rows[0]?.reviewId).toBe("line-2");
    expect(table.rows[0]?.reviewerId).toBe("");
  });

  const analysis = analyzeReviews(table, { baseline: "Human" });

  it("reproduces scipy's review- and idea-level tests", () => {
    const tested = analysis.significance.filter((r) => r.unit !== "reviewer");
    const key = (r: Ref | SignificanceRow) => `${r.unit}/${r.metric}/${r.condition}`;
    expect(tested.map(key)).toEqual(reference.significance.map(key));
    const off = tested.flatMap((row, i) => {
      const want = reference.significance[i] as Ref;
      return FIELDS.filter(([field, column]) => !isClose(row[field], want[column] as number, 1e-6)).map(
        ([field, column]) => `${key(row)} ${column}: ${row[field]} vs ${want[column]}`,
      );
    });
    expect(off).toEqual([]);
  });

  it("skips unit reviewer and the topic breakdown with a note naming the column", () => {
    const reviewer = analysis.significance.filter((r) => r.unit === "reviewer");
    expect(reviewer).toHaveLength(10);
    for (const row of reviewer) {
      expect(row.note).toMatch(/^skipped: .*"reviewer_id"/);
      expect(row.pValue).toBeNull();
    }
    expect(analysis.topics).toHaveLength(10);
    for (const row of analysis.topics) expect(row.note).toMatch(/^skipped: .*"topic"/);
    expect(analysis.warnings).toContain(
      'no reviewer ids (column "reviewer_id"): the reviewer-level test is skipped',
    );
    expect(analysis.warnings.some((w) => w.includes("could not be run"))).toBe(false);
  });

  it("leaves rows without a reviewer id out of unit reviewer when others have one", () => {
    const text =
      "idea_id,condition,reviewer_id,novelty\ni1,A,r1,5\ni2,B,r1,3\ni3,A,r2,6\ni4,B,r2,3\ni5,A,r3,7\ni6,B,r3,5\ni7,A,,1\ni8,B,,9\n";
    const small = parseTidyReviews(text);
    if (!small.ok) throw new Error(JSON.stringify(small.issues));
    const result = analyzeReviews(small.table, { baseline: "B" });
    const row = result.significance.find((r) => r.unit === "reviewer");
    expect(row?.nCondition).toBe(3);
    expect(row?.meanDiff).toBeCloseTo(7 / 3, 12);
    expect(result.warnings).toContain("2 rows have no reviewer id; the reviewer-level test leaves them out");
  });
});
