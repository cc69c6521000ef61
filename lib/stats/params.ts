// The analysis parameters, checked against the table once, for the app's form and the CLI alike.
import { CORRECTIONS } from "./adjust";
import type { Correction } from "./stdlib";
import type { TidyTable } from "./tidy";

export type Family = "comparison" | "unit";
export const FAMILIES: readonly Family[] = ["comparison", "unit"];

export type StatsParams = {
  baseline: string;
  /** Default: every metric of the table. */
  metrics?: readonly string[];
  /** Default: Bonferroni. */
  correction?: Correction;
  /** "comparison" (default): all metrics of one unit and one comparison; "unit": all tests of the unit. */
  family?: Family;
};

export type ResolvedParams = { baseline: string; metrics: string[]; correction: Correction; family: Family };

/** Conditions in order of first appearance. */
export function listConditions(table: TidyTable): string[] {
  return [...new Set(table.rows.map((row) => row.condition))];
}

/** Every problem with the parameters, as sentences; empty when they can be used. */
export function findParamProblems(table: TidyTable, params: StatsParams): string[] {
  const problems: string[] = [];
  const conditions = listConditions(table);
  if (!conditions.includes(params.baseline)) {
    const known =
      conditions.length === 0 ? "the table has no reviews" : `conditions: ${conditions.join(", ")}`;
    problems.push(`unknown baseline "${params.baseline}" (${known})`);
  }
  for (const metric of params.metrics ?? []) {
    if (!table.metrics.includes(metric))
      problems.push(`unknown metric "${metric}" (metrics: ${table.metrics.join(", ")})`);
  }
  if (params.metrics !== undefined && params.metrics.length === 0) problems.push("no metrics selected");
  if (params.correction !== undefined && !CORRECTIONS.includes(params.correction))
    problems.push(`unknown correction "${params.correction}" (use ${CORRECTIONS.join(", ")})`);
  if (params.family !== undefined && !FAMILIES.includes(params.family))
    problems.push(`unknown family "${params.family}" (use ${FAMILIES.join(", ")})`);
  return problems;
}

/** Fills the defaults; throws on parameters that findParamProblems rejects. */
export function resolveParams(table: TidyTable, params: StatsParams): ResolvedParams {
  const problems = findParamProblems(table, params);
  if (problems.length > 0) throw new Error(`Invalid statistics parameters: ${problems.join("; ")}.`);
  return {
    baseline: params.baseline,
    metrics: [...(params.metrics ?? table.metrics)],
    correction: params.correction ?? "bonferroni",
    family: params.family ?? "comparison",
  };
}
