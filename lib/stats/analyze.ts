// Everything the results page and the CLI show, from one tidy table: the table is indexed once and
// every output reads the same index.
import type { AgreementRow } from "./agreement";
import { computeAlphaIndexed } from "./agreement";
import type { SignificanceRow } from "./compare";
import { type DescriptiveRow, describeIndexed } from "./descriptives";
import { indexReviews } from "./indexed";
import { type ResolvedParams, resolveParams, type StatsParams } from "./params";
import { compareIndexed } from "./significance";
import type { TidyTable } from "./tidy";
import { compareTopicsIndexed, type TopicSignificanceRow } from "./topics";
import { collectWarnings } from "./warnings";

export type ReviewAnalysis = {
  params: ResolvedParams;
  significance: SignificanceRow[];
  topics: TopicSignificanceRow[];
  descriptives: DescriptiveRow[];
  agreement: AgreementRow[];
  warnings: string[];
};

/** Throws when findParamProblems(table, params) is not empty. */
export function analyzeReviews(table: TidyTable, params: StatsParams): ReviewAnalysis {
  const resolved = resolveParams(table, params);
  const data = indexReviews(table.rows, resolved.metrics);
  const significance = compareIndexed(data, resolved);
  return {
    params: resolved,
    significance,
    topics: compareTopicsIndexed(data, resolved),
    descriptives: describeIndexed(data, resolved.metrics),
    agreement: resolved.metrics.map((metric) => computeAlphaIndexed(data, metric)),
    warnings: collectWarnings(data, resolved.baseline, significance),
  };
}
