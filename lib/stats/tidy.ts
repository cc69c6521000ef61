// The tidy review table: one row per review, the input of every statistic (in the app and the CLI)
// and the format of the review export and the external-review import. Parsing collects every
// problem with its line, so a person fixes a file in one pass.
import { parseCsv } from "@/lib/csv/parse";

export const TIDY_LEADING = ["review_id", "idea_id", "topic", "condition", "reviewer_id"] as const;
export const TIDY_TRAILING = ["confidence", "familiarity", "minutes", "submitted_at"] as const;

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

export type TidyTable = { metrics: string[]; extraColumns: string[]; rows: TidyReview[] };
export type TidyIssue = { line: number; message: string };
export type TidyParseResult = { ok: true; table: TidyTable } | { ok: false; issues: TidyIssue[] };

/** Enough to fix a file in one pass without flooding a terminal or a form. */
const MAX_ISSUES = 50;
/** Plain decimal numbers only: Number() would also take "0x1f", "Infinity" and " ". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const REQUIRED_NON_EMPTY = ["review_id", "idea_id", "condition", "reviewer_id"] as const;

/** Header for a table with these metrics, then the extra columns. */
export function tidyColumns(metrics: readonly string[], extra: readonly string[] = []): string[] {
  return [...TIDY_LEADING, ...metrics, ...TIDY_TRAILING, ...extra];
}

type Columns = {
  fixed: Map<string, number>;
  metrics: string[];
  metricIndex: number[];
  extra: string[];
  extraIndex: number[];
};

/** Finds the fixed, metric and extra columns; problems are reported on the header line. */
function readHeader(
  header: string[],
  line: number,
  wanted: string[] | undefined,
  issues: TidyIssue[],
): Columns | null {
  const names = header.map((h) => h.trim());
  const lower = names.map((h) => h.toLowerCase());
  const before = issues.length;
  const fixed = new Map<string, number>();
  for (const column of [...TIDY_LEADING, ...TIDY_TRAILING]) {
    const first = lower.indexOf(column);
    if (first === -1) issues.push({ line, message: `missing column "${column}"` });
    else if (lower.indexOf(column, first + 1) !== -1)
      issues.push({ line, message: `column "${column}" appears more than once` });
    else fixed.set(column, first);
  }
  let metricIndex: number[];
  if (wanted !== undefined) {
    metricIndex = wanted.map((metric) => {
      const index = names.indexOf(metric);
      return index === -1 ? lower.indexOf(metric.toLowerCase()) : index;
    });
    wanted.forEach((metric, k) => {
      if (metricIndex[k] === -1) issues.push({ line, message: `missing metric column "${metric}"` });
    });
  } else {
    const from = fixed.get("reviewer_id");
    const to = fixed.get("confidence");
    metricIndex = [];
    if (from !== undefined && to !== undefined) {
      for (let i = from + 1; i < to; i += 1) metricIndex.push(i);
      if (metricIndex.length === 0)
        issues.push({ line, message: 'no metric columns between "reviewer_id" and "confidence"' });
    }
  }
  if (issues.length > before) return null;
  const taken = new Set([...fixed.values(), ...metricIndex]);
  const extraIndex = names.map((_, i) => i).filter((i) => !taken.has(i));
  const extra = extraIndex.map((i) => names[i] as string);
  const metrics = wanted ?? metricIndex.map((i) => names[i] as string);
  return { fixed, metrics, metricIndex, extra, extraIndex };
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
  const columns = readHeader(csv.header, csv.headerLine, options.metrics, issues);
  if (columns === null) return { ok: false, issues: capIssues(issues) };

  const { fixed, metrics, metricIndex, extra, extraIndex } = columns;
  const firstLine = new Map<string, number>();
  const rows: TidyReview[] = [];
  for (const { line, values } of csv.rows) {
    const get = (column: string) => values[fixed.get(column) as number] as string;
    for (const column of REQUIRED_NON_EMPTY) {
      if (get(column).trim() === "") issues.push({ line, message: `column "${column}" is empty` });
    }
    const reviewId = get("review_id").trim();
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
  return { ok: true, table: { metrics: [...metrics], extraColumns: extra, rows } };
}
