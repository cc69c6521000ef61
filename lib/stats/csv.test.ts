import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { analyzeReviews } from "./analyze";
import {
  AGREEMENT_COLUMNS,
  DESCRIPTIVE_COLUMNS,
  formatAgreementCsv,
  formatDescriptivesCsv,
  formatSignificanceCsv,
  formatTopicsCsv,
  SIGNIFICANCE_COLUMNS,
  SPEC_SIGNIFICANCE_COLUMNS,
} from "./csv";
import { makeTable, type ReviewSpec } from "./fixtures/make-table";

const SPEC_HEADER =
  "unit,metric,condition,baseline,n_condition,mean_condition,median_condition,sd_condition,n_baseline,mean_baseline,median_baseline,sd_baseline,mean_diff,ci_low,ci_high,t,df,p_value,p_adjusted,correction,stars,effect_size,effect_ci_low,effect_ci_high,robust_p,note";

const reviews: ReviewSpec[] = [
  ["Human", "h1", "r1", 3],
  ["Human", "h2", "r2", 4],
  ["Human", "h3", "r3", 6],
  ["AI", "a1", "r1", 7],
  ["AI", "a2", "r2", 6],
  ["AI", "a3", "r4", 9],
  ["Solo", "s1", "r1", 1],
];
const analysis = analyzeReviews(makeTable(reviews), { baseline: "Human" });

describe("output CSVs", () => {
  it("writes significance.csv with the spec's header and full-precision numbers", () => {
    const csv = parseCsv(formatSignificanceCsv(analysis.significance));
    expect(csv.header.join(",")).toBe(
      `${SPEC_HEADER},se_condition,min_condition,max_condition,se_baseline,min_baseline,max_baseline`,
    );
    expect(SPEC_SIGNIFICANCE_COLUMNS.join(",")).toBe(SPEC_HEADER);
    const row = analysis.significance[0];
    const values = csv.rows[0]?.values ?? [];
    const cell = (name: string) => values[csv.header.indexOf(name)];
    expect(cell("p_value")).toBe(String(row?.pValue));
    expect(Number(cell("t"))).toBe(row?.t); // round-trips exactly
    expect(cell("mean_condition")).toBe(String(22 / 3));
  });

  it("writes a noted row with empty number cells and the reason", () => {
    const csv = parseCsv(formatSignificanceCsv(analysis.significance));
    const solo = csv.rows.find((r) => r.values[2] === "Solo" && r.values[0] === "review")?.values ?? [];
    const cell = (name: string) => solo[csv.header.indexOf(name)];
    expect([
      cell("t"),
      cell("df"),
      cell("p_value"),
      cell("p_adjusted"),
      cell("stars"),
      cell("robust_p"),
    ]).toEqual(["", "", "", "", "", ""]);
    expect(cell("n_condition")).toBe("1");
    expect(cell("note")).toMatch(/^insufficient data: only 1 review/);
  });

  it("writes the topics, descriptives and agreement tables", () => {
    expect(parseCsv(formatTopicsCsv(analysis.topics)).header).toEqual(["topic", ...SIGNIFICANCE_COLUMNS]);
    const descriptives = parseCsv(formatDescriptivesCsv(analysis.descriptives));
    expect(descriptives.header).toEqual(DESCRIPTIVE_COLUMNS);
    expect(descriptives.rows.map((r) => r.values.slice(0, 3))).toEqual([
      ["Human", "novelty", "3"],
      ["AI", "novelty", "3"],
      ["Solo", "novelty", "1"],
    ]);
    // One review: no SD, shown as an empty cell rather than NaN.
    expect(descriptives.rows[2]?.values.slice(5, 7)).toEqual(["", ""]);
    const agreement = parseCsv(formatAgreementCsv(analysis.agreement));
    expect(agreement.header).toEqual(AGREEMENT_COLUMNS);
    expect(agreement.rows[0]?.values).toEqual([
      "novelty",
      "",
      "0",
      "0",
      "no idea has 2 or more novelty scores",
    ]);
  });
});
