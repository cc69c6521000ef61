// A study's results from its tidy review table: the analysis of lib/stats and the output files, the
// same bytes `npm run stats` writes. Pure: db/queries/results.ts loads the table (and hashes it),
// the results page and the published snapshots call this.
import { AppError, type FieldErrors } from "@/lib/errors";
import { analyzeReviews, type ReviewAnalysis } from "./analyze";
import { formatAgreementCsv, formatDescriptivesCsv, formatSignificanceCsv, formatTopicsCsv } from "./csv";
import { formatMixedModelScript } from "./mixed-model";
import { formatSignificanceLatex } from "./paper/latex";
import { formatSignificanceMarkdown } from "./paper/markdown";
import { type Family, findParamProblems, type ResolvedParams } from "./params";
import type { Correction } from "./stdlib";
import type { TidyTable } from "./tidy";

/** The files the page offers for download, under the names `npm run stats` writes. */
export const RESULT_FILES = [
  "significance.csv",
  "significance.tex",
  "significance.md",
  "descriptives.csv",
  "agreement.csv",
  "topics.csv",
  "reviews.csv",
  "mixed-model.R",
] as const;
export type ResultFileName = (typeof RESULT_FILES)[number];

/**
 * The input path written into mixed-model.R: the reviews.csv download saved beside the script. The
 * CLI writes the same text when run as `npm run stats -- --in reviews.csv …`.
 */
export const REVIEWS_FILE = "reviews.csv";

export type ResultsTable = {
  /** The tidy table as CSV (no BOM): the reviews.csv download and the text the hash covers. */
  text: string;
  /** sha256 (hex) of `text`. */
  hash: string;
  table: TidyTable;
  reviewCount: number;
  /** Conditions that have reviews, in the study's order. */
  conditions: string[];
  /** The study's baseline when it has reviews, else the first condition with reviews. */
  defaultBaseline: string | null;
};

/** What a form or query string asks for; missing values take the defaults. */
export type ResultsParamsInput = { baseline?: string; correction?: string; family?: string };

export type StudyResults = {
  params: ResolvedParams;
  analysis: ReviewAnalysis;
  files: Record<ResultFileName, string>;
  table: TidyTable;
  tableHash: string;
  reviewCount: number;
  conditions: string[];
};

const FIELD_OF_PROBLEM: [RegExp, string][] = [
  [/^unknown baseline/, "baseline"],
  [/^unknown correction/, "correction"],
  [/^unknown family/, "family"],
];

/** The analysis and the output files of an already loaded table; throws invalid:results with every problem. */
export function analyzeResultsTable(loaded: ResultsTable, input: ResultsParamsInput): StudyResults {
  const params = {
    baseline: input.baseline ?? loaded.defaultBaseline ?? "",
    correction: (input.correction ?? "bonferroni") as Correction,
    family: (input.family ?? "comparison") as Family,
  };
  const problems = findParamProblems(loaded.table, params);
  if (problems.length > 0) {
    const fieldErrors: FieldErrors = {};
    for (const problem of problems) {
      const field = FIELD_OF_PROBLEM.find(([re]) => re.test(problem))?.[1] ?? "_form";
      fieldErrors[field] = [...(fieldErrors[field] ?? []), problem];
    }
    throw new AppError("invalid:results", `The results cannot be computed: ${problems.join("; ")}.`, {
      fieldErrors,
    });
  }
  const analysis = analyzeReviews(loaded.table, params);
  return {
    params: analysis.params,
    analysis,
    files: {
      "significance.csv": formatSignificanceCsv(analysis.significance),
      "significance.tex": formatSignificanceLatex(analysis),
      "significance.md": formatSignificanceMarkdown(analysis),
      "descriptives.csv": formatDescriptivesCsv(analysis.descriptives),
      "agreement.csv": formatAgreementCsv(analysis.agreement),
      "topics.csv": formatTopicsCsv(analysis.topics),
      "reviews.csv": loaded.text,
      "mixed-model.R": formatMixedModelScript({
        inputPath: REVIEWS_FILE,
        baseline: analysis.params.baseline,
        metrics: analysis.params.metrics,
      }),
    },
    table: loaded.table,
    tableHash: loaded.hash,
    reviewCount: loaded.reviewCount,
    conditions: loaded.conditions,
  };
}
