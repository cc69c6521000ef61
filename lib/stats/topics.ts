// Per-topic breakdown: test 1 (unit = review, Welch) within each topic, corrected across topics
// (one family per metric and comparison), since a topic-level claim is one of several topics.
import { applyCorrection } from "./adjust";
import { compareGroups, type SignificanceRow } from "./compare";
import { type IndexedReviews, indexReviews } from "./indexed";
import { topicSkipNote } from "./missing-columns";
import { type ResolvedParams, resolveParams, type StatsParams } from "./params";
import type { TidyTable } from "./tidy";
import { groupSorted } from "./units";

export type TopicSignificanceRow = SignificanceRow & { topic: string };

export function compareTopicsIndexed(data: IndexedReviews, params: ResolvedParams): TopicSignificanceRow[] {
  const { conditions, topics } = data;
  const k = conditions.length;
  const b = conditions.indexOf(params.baseline);
  const rows: TopicSignificanceRow[] = [];
  const skip = topicSkipNote(data);
  for (const metric of params.metrics) {
    const groups = groupSorted(
      data.scores.get(metric) as Float64Array,
      data.topicCondition,
      topics.length * k,
    );
    for (let c = 0; c < k; c += 1) {
      if (c === b) continue;
      const comparison = {
        unit: "review" as const,
        metric,
        condition: conditions[c] as string,
        baseline: params.baseline,
      };
      if (skip !== null) {
        const none = new Float64Array(0);
        rows.push({ topic: "", ...compareGroups(comparison, none, none), note: skip });
        continue;
      }
      topics.forEach((topic, t) => {
        // Rows without a topic are left out here (and counted in a warning).
        if (topic === "") return;
        const row = compareGroups(
          comparison,
          groups[t * k + c] as Float64Array,
          groups[t * k + b] as Float64Array,
        );
        rows.push({ topic, ...row });
      });
    }
  }
  return applyCorrection(rows, params.correction, (row) => `${row.metric}\u0000${row.condition}`);
}

export function computeTopicBreakdown(table: TidyTable, params: StatsParams): TopicSignificanceRow[] {
  const resolved = resolveParams(table, params);
  return compareTopicsIndexed(indexReviews(table.rows, resolved.metrics), resolved);
}
