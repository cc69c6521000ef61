// The output tables as CSV. Numbers keep full precision (String(x) round-trips a double); the page
// rounds for display. Nulls are empty cells, and no NaN or Infinity can reach a file.
import { type CsvValue, toCsv } from "@/lib/csv/write";
import type { AgreementRow } from "./agreement";
import type { SignificanceRow } from "./compare";
import type { DescriptiveRow } from "./descriptives";
import type { TopicSignificanceRow } from "./topics";

const SIGNIFICANCE: [string, keyof SignificanceRow][] = [
  ["unit", "unit"],
  ["metric", "metric"],
  ["condition", "condition"],
  ["baseline", "baseline"],
  ["n_condition", "nCondition"],
  ["mean_condition", "meanCondition"],
  ["median_condition", "medianCondition"],
  ["sd_condition", "sdCondition"],
  ["n_baseline", "nBaseline"],
  ["mean_baseline", "meanBaseline"],
  ["median_baseline", "medianBaseline"],
  ["sd_baseline", "sdBaseline"],
  ["mean_diff", "meanDiff"],
  ["ci_low", "ciLow"],
  ["ci_high", "ciHigh"],
  ["t", "t"],
  ["df", "df"],
  ["p_value", "pValue"],
  ["p_adjusted", "pAdjusted"],
  ["correction", "correction"],
  ["stars", "stars"],
  ["effect_size", "effectSize"],
  ["effect_ci_low", "effectCiLow"],
  ["effect_ci_high", "effectCiHigh"],
  ["robust_p", "robustP"],
  ["note", "note"],
  // After the spec's columns (whose order is fixed): each group's SE, min and max, which the spec
  // asks every row to report.
  ["se_condition", "seCondition"],
  ["min_condition", "minCondition"],
  ["max_condition", "maxCondition"],
  ["se_baseline", "seBaseline"],
  ["min_baseline", "minBaseline"],
  ["max_baseline", "maxBaseline"],
];

/** The significance.csv header: the spec's columns in its order, then SE, min and max per group. */
export const SIGNIFICANCE_COLUMNS = SIGNIFICANCE.map(([column]) => column);
/** The spec's own columns (the first 26). */
export const SPEC_SIGNIFICANCE_COLUMNS = SIGNIFICANCE_COLUMNS.slice(
  0,
  SIGNIFICANCE_COLUMNS.indexOf("note") + 1,
);
export const DESCRIPTIVE_COLUMNS = [
  "condition",
  "metric",
  "n",
  "mean",
  "median",
  "sd",
  "se",
  "min",
  "max",
  "missing",
];
export const AGREEMENT_COLUMNS = ["metric", "alpha", "ideas", "reviews", "note"];

/** A defensive last gate: a non-finite number is written as an empty cell, never as "NaN". */
function cell(value: unknown): CsvValue {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return value as CsvValue;
}

export function formatSignificanceCsv(rows: readonly SignificanceRow[]): string {
  return toCsv({
    columns: SIGNIFICANCE_COLUMNS,
    rows: rows.map((row) => SIGNIFICANCE.map(([, key]) => cell(row[key]))),
  });
}

/** The per-topic breakdown: a topic column, then the significance columns. */
export function formatTopicsCsv(rows: readonly TopicSignificanceRow[]): string {
  return toCsv({
    columns: ["topic", ...SIGNIFICANCE_COLUMNS],
    rows: rows.map((row) => [row.topic, ...SIGNIFICANCE.map(([, key]) => cell(row[key]))]),
  });
}

export function formatDescriptivesCsv(rows: readonly DescriptiveRow[]): string {
  return toCsv({
    columns: DESCRIPTIVE_COLUMNS,
    rows: rows.map((r) =>
      [r.condition, r.metric, r.n, r.mean, r.median, r.sd, r.se, r.min, r.max, r.missing].map(cell),
    ),
  });
}

export function formatAgreementCsv(rows: readonly AgreementRow[]): string {
  return toCsv({
    columns: AGREEMENT_COLUMNS,
    rows: rows.map((r) => [r.metric, r.alpha, r.ideas, r.reviews, r.note].map(cell)),
  });
}
