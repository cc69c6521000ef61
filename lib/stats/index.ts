// The public API of lib/stats: pure TypeScript, safe to import in the browser and in Node scripts.

export { CORRECTIONS, formatStars } from "./adjust";
export { type AgreementRow, computeAgreement } from "./agreement";
export { analyzeReviews, type ReviewAnalysis } from "./analyze";
export type { SignificanceRow } from "./compare";
export {
  AGREEMENT_COLUMNS,
  DESCRIPTIVE_COLUMNS,
  formatAgreementCsv,
  formatDescriptivesCsv,
  formatSignificanceCsv,
  formatTopicsCsv,
  SIGNIFICANCE_COLUMNS,
  SPEC_SIGNIFICANCE_COLUMNS,
} from "./csv";
export { computeDescriptives, type DescriptiveRow } from "./descriptives";
export { formatMixedModelScript } from "./mixed-model";
export { CORRECTION_LABELS, familyText, paperCaption } from "./paper/caption";
export { formatDiffCi, formatMeanSd, formatPValue } from "./paper/format";
export { formatSignificanceLatex } from "./paper/latex";
export { formatSignificanceMarkdown } from "./paper/markdown";
export { readResults } from "./paper/reading";
export { buildPaperTable, type PaperRow, type PaperUnit, UNIT_TITLES } from "./paper/table";
export {
  FAMILIES,
  type Family,
  findParamProblems,
  listConditions,
  type ResolvedParams,
  type StatsParams,
} from "./params";
export { computeSignificance } from "./significance";
export type { Correction } from "./stdlib";
export {
  parseTidyReviews,
  TIDY_LEADING,
  TIDY_TRAILING,
  type TidyIssue,
  type TidyParseResult,
  type TidyReview,
  type TidyTable,
  tidyColumns,
} from "./tidy";
export { computeTopicBreakdown, type TopicSignificanceRow } from "./topics";
export { UNITS, type Unit } from "./units";
export { SMALL_N } from "./warnings";
