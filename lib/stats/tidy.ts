// The tidy review table: one row per review, the input of every statistic (in the app and the CLI)
// and the format of the review export and the external-review import. Parsing collects every
// problem with its line, so a person fixes a file in one pass.
import { parseCsv } from "@/lib/csv/parse";
import { readTidyHeader, TIDY_LEADING, TIDY_TRAILING, type TidyIssue } from "./tidy-header";

export { TIDY_LEADING, TIDY_REQUIRED, TIDY_TRAILING, type TidyIssue } from "./tidy-header";

export type TidyReview = {
  /** Physical line in the file (1-based), for messages. */
  line: number;
  reviewId: string;
  ideaId: string;
  topic: string;
  condition: string;
  reviewerId: string;
  /** By metric key; an empty cell is null (missing). */
  scores: Record<string, number | null>;
  confidence: number | null;
  familiarity: number | null;
  minutes: number | null;
  /** As written; "" allowed. */
  submittedAt: string;
  /** Any other columns (e.g. novelty_rationale, active_seconds) by header name. */
  extra: Record<string, string>;
};

export type TidyTable = {
  metrics: string[];
  extraColumns: string[];
  rows: TidyReview[];
  /**
   * Optional fixed columns the file lacks (their values read as empty / null). Analyses that need
   * one (unit reviewer: reviewer_id; the per-topic breakdown: topic) are skipped with a note.
   */
  absent?: string[];
};
export type TidyParseResult = { ok: true; table: TidyTable } | { ok: false; issues: TidyIssue[] };

/** Enough to fix a file in one pass without flooding a terminal or a form. */
const MAX_ISSUES = 50;
/** Plain decimal numbers only: Number() would also take "0x1f", "Infinity" and " ". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Must be filled where the column exists; reviewer_id and topic may be empty. */
const REQUIRED_NON_EMPTY = ["review_id", "idea_id", "condition"] as const;

/** Header for a table with these metrics, then the extra columns. */
export function tidyColumns(metrics: readonly string[], extra: readonly string[] = []): string[] {
  return [...TIDY_LEADING, ...metrics, ...TIDY_TRAILING, ...extra];
}

function readNumber(raw: string, column: string, line: number, issues: TidyIssue[]): number | null {
  const text = raw.trim();
  if (text === "") return null;
  if (!DECIMAL.test(text)) {
    issues.push({ line, message: `column "${column}": ${JSON.stringify(raw)} is not a number` });
    return null;
  }
  return Number(text);
}

function capIssues(issues: TidyIssue[]): TidyIssue[] {
  const sorted = [...issues].sort((a, b) => a.line - b.line);
  if (sorted.length <= MAX_ISSUES) return sorted;
  const rest = sorted.length - MAX_ISSUES;
  const next = sorted[MAX_ISSUES] as TidyIssue;
  return [
    ...sorted.slice(0, MAX_ISSUES),
    { line: next.line, message: `and ${rest} more ${rest === 1 ? "problem" : "problems"} from here on` },
  ];
}

export function parseTidyReviews(text: string, options: { metrics?: string[] } = {}): TidyParseResult {
  const csv = parseCsv(text);
  const issues: TidyIssue[] = csv.issues.map((issue) => ({ line: issue.line, message: issue.message }));
  if (csv.header.length === 0) return { ok: false, issues: capIssues(issues) };
  const columns = readTidyHeader(csv.header, csv.headerLine, options.metrics, issues);
  if (columns === null) return { ok: false, issues: capIssues(issues) };

  const { fixed, absent, metrics, metricIndex, extra, extraIndex } = columns;
  const firstLine = new Map<string, number>();
  const rows: TidyReview[] = [];
  for (const { line, values } of csv.rows) {
    const get = (column: string) => {
      const index = fixed.get(column);
      return index === undefined ? "" : (values[index] as string);
    };
    for (const column of REQUIRED_NON_EMPTY) {
      if (fixed.has(column) && get(column).trim() === "")
        issues.push({ line, message: `column "${column}" is empty` });
    }
    // Without a review_id column each row is named by its line, so re-importing a file is stable.
    const reviewId = fixed.has("review_id") ? get("review_id").trim() : `line-${line}`;
    const earlier = firstLine.get(reviewId);
    if (earlier !== undefined)
      issues.push({ line, message: `duplicate review_id "${reviewId}" (first on line ${earlier})` });
    else if (reviewId !== "") firstLine.set(reviewId, line);

    const scores: Record<string, number | null> = {};
    metrics.forEach((metric, k) => {
      scores[metric] = readNumber(values[metricIndex[k] as number] as string, metric, line, issues);
    });
    const extraValues: Record<string, string> = {};
    extra.forEach((name, k) => {
      extraValues[name] = values[extraIndex[k] as number] as string;
    });
    rows.push({
      line,
      reviewId,
      ideaId: get("idea_id").trim(),
      topic: get("topic").trim(),
      condition: get("condition").trim(),
      reviewerId: get("reviewer_id").trim(),
      scores,
      confidence: readNumber(get("confidence"), "confidence", line, issues),
      familiarity: readNumber(get("familiarity"), "familiarity", line, issues),
      minutes: readNumber(get("minutes"), "minutes", line, issues),
      submittedAt: get("submitted_at"),
      extra: extraValues,
    });
  }
  if (issues.length > 0) return { ok: false, issues: capIssues(issues) };
  const table: TidyTable = { metrics: [...metrics], extraColumns: extra, rows };
  if (absent.length > 0) table.absent = absent;
  return { ok: true, table };
}
