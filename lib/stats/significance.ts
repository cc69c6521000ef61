// The spec's three tests for every metric and every non-baseline condition, at the three units of
// analysis, then the correction. Rows come out unit by unit, metric by metric, conditions in
// order of first appearance.
import { applyCorrection } from "./adjust";
import { compareGroups, compareReviewers, type SignificanceRow } from "./compare";
import { type IndexedReviews, indexReviews } from "./indexed";
import { reviewerUnitSkipNote } from "./missing-columns";
import { type ResolvedParams, resolveParams, type StatsParams } from "./params";
import type { TidyTable } from "./tidy";
import { averageByReviewer, groupIdeaMeans, groupReviewScores, pairReviewerMeans, UNITS } from "./units";

/** Significance rows from an indexed table (analyzeReviews indexes once for all its outputs). */
export function compareIndexed(data: IndexedReviews, params: ResolvedParams): SignificanceRow[] {
  const { conditions } = data;
  const b = conditions.indexOf(params.baseline);
  const others = conditions.map((_, k) => k).filter((k) => k !== b);
  const rows: SignificanceRow[] = [];
  for (const unit of UNITS) {
    for (const metric of params.metrics) {
      const comparison = (k: number) => ({
        unit,
        metric,
        condition: conditions[k] as string,
        baseline: params.baseline,
      });
      if (unit === "reviewer") {
        const skip = reviewerUnitSkipNote(data);
        if (skip !== null) {
          const none = new Float64Array(0);
          for (const k of others) rows.push({ ...compareReviewers(comparison(k), none, none), note: skip });
          continue;
        }
        const byReviewer = averageByReviewer(data, metric);
        for (const k of others) {
          const paired = pairReviewerMeans(byReviewer, conditions.length, k, b);
          rows.push(compareReviewers(comparison(k), paired.condition, paired.baseline));
        }
        continue;
      }
      const groups = unit === "review" ? groupReviewScores(data, metric) : groupIdeaMeans(data, metric);
      for (const k of others) {
        rows.push(compareGroups(comparison(k), groups[k] as Float64Array, groups[b] as Float64Array));
      }
    }
  }
  const familyOf =
    params.family === "unit"
      ? (row: SignificanceRow) => row.unit
      : (row: SignificanceRow) => `${row.unit}\u0000${row.condition}`;
  return applyCorrection(rows, params.correction, familyOf);
}

export function computeSignificance(table: TidyTable, params: StatsParams): SignificanceRow[] {
  const resolved = resolveParams(table, params);
  return compareIndexed(indexReviews(table.rows, resolved.metrics), resolved);
}
