// The paper-style summary of an analysis: per unit, one row per metric (and per compared condition)
// with each group's mean ± SD (n), the difference with its 95% CI, the effect size and the adjusted p
// with stars. The results page, significance.tex and significance.md all print this model.
import type { ReviewAnalysis } from "../analyze";
import type { SignificanceRow } from "../compare";
import type { Unit } from "../units";
import { UNITS } from "../units";
import { fixed2, formatDiffCi, formatMeanSd, formatPValue } from "./format";

export type PaperRow = {
  metric: string;
  condition: string;
  baseline: string;
  conditionCell: string;
  baselineCell: string;
  diffCell: string;
  effectCell: string;
  /** Adjusted p as text ("0.004", "< 0.001"); "" when not tested. */
  pCell: string;
  stars: string;
  /** Why a row has no test ("" when it has one). */
  note: string;
  source: SignificanceRow;
};

export type PaperUnit = {
  unit: Unit;
  title: string;
  test: string;
  effect: string;
  rows: PaperRow[];
  /** The shared note when no row of the unit could be tested (e.g. no reviewer ids), else null. */
  skipped: string | null;
};

export const UNIT_TITLES: Record<Unit, string> = {
  review: "Reviews as units",
  idea: "Ideas as units",
  reviewer: "Reviewers as units",
};
const TESTS: Record<Unit, [string, string]> = {
  review: ["Welch two-sample t-test", "Hedges' g"],
  idea: ["Welch two-sample t-test on idea means", "Hedges' g"],
  reviewer: ["one-sample t-test of per-reviewer differences", "Cohen's d_z"],
};

function paperRow(row: SignificanceRow): PaperRow {
  return {
    metric: row.metric,
    condition: row.condition,
    baseline: row.baseline,
    conditionCell: formatMeanSd(row.meanCondition, row.sdCondition, row.nCondition),
    baselineCell: formatMeanSd(row.meanBaseline, row.sdBaseline, row.nBaseline),
    diffCell: formatDiffCi(row.meanDiff, row.ciLow, row.ciHigh),
    effectCell: fixed2(row.effectSize),
    pCell: formatPValue(row.pAdjusted),
    stars: row.stars,
    note: row.note,
    source: row,
  };
}

export function buildPaperTable(analysis: Pick<ReviewAnalysis, "significance">): PaperUnit[] {
  return UNITS.map((unit) => {
    const rows = analysis.significance.filter((r) => r.unit === unit).map(paperRow);
    const notes = new Set(rows.map((r) => r.note));
    const untested = rows.length > 0 && rows.every((r) => r.pCell === "");
    const [test, effect] = TESTS[unit];
    return {
      unit,
      title: UNIT_TITLES[unit],
      test,
      effect,
      rows,
      skipped: untested && notes.size === 1 ? ([...notes][0] as string) : null,
    };
  });
}
