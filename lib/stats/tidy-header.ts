// The header of a tidy review table: which fixed columns it has, which columns are metrics and
// which are extra. Only idea_id, condition and the metric columns are required; the other fixed
// columns are optional (idea_code, the code the app shows, comes before the idea's UUID in the
// app's own export), and an analysis that needs an absent one says so instead of the file
// being refused (external tables often have no reviewer ids or review times).

export const TIDY_LEADING = [
  "review_id",
  "idea_code",
  "idea_id",
  "topic",
  "condition",
  "reviewer_id",
] as const;
export const TIDY_TRAILING = ["confidence", "familiarity", "minutes", "submitted_at"] as const;
export const TIDY_REQUIRED = ["idea_id", "condition"] as const;
/** Columns of the export that are never metrics when metrics are found without --metrics. */
const NOT_A_METRIC = /(_rationale|^active_seconds)$/;

export type TidyIssue = { line: number; message: string };

export type TidyColumns = {
  /** Index of each fixed column the header has. */
  fixed: Map<string, number>;
  /** The optional fixed columns the header lacks, in tidy order. */
  absent: string[];
  metrics: string[];
  metricIndex: number[];
  extra: string[];
  extraIndex: number[];
};

function findFixed(lower: string[], line: number, issues: TidyIssue[]): Map<string, number> {
  const fixed = new Map<string, number>();
  for (const column of [...TIDY_LEADING, ...TIDY_TRAILING]) {
    const first = lower.indexOf(column);
    if (first === -1) {
      if ((TIDY_REQUIRED as readonly string[]).includes(column))
        issues.push({ line, message: `missing column "${column}"` });
    } else if (lower.indexOf(column, first + 1) !== -1)
      issues.push({ line, message: `column "${column}" appears more than once` });
    else fixed.set(column, first);
  }
  return fixed;
}

/**
 * Without named metrics: the columns between reviewer_id and confidence when the table has both
 * (the tidy layout); otherwise every column before the first trailing fixed column that is not a
 * fixed, rationale or active_seconds column.
 */
function findMetrics(names: string[], fixed: Map<string, number>, line: number, issues: TidyIssue[]) {
  const from = fixed.get("reviewer_id");
  const to = fixed.get("confidence");
  if (from !== undefined && to !== undefined) {
    const index: number[] = [];
    for (let i = from + 1; i < to; i += 1) index.push(i);
    if (index.length === 0)
      issues.push({ line, message: 'no metric columns between "reviewer_id" and "confidence"' });
    return index;
  }
  const trailing = TIDY_TRAILING.map((c) => fixed.get(c)).filter((i) => i !== undefined);
  const end = trailing.length === 0 ? names.length : Math.min(...trailing);
  const taken = new Set(fixed.values());
  const index = names
    .map((_, i) => i)
    .filter((i) => i < end && !taken.has(i) && !NOT_A_METRIC.test(names[i] as string));
  if (index.length === 0)
    issues.push({ line, message: "no metric columns (name them with --metrics, or add score columns)" });
  return index;
}

/** Finds the fixed, metric and extra columns; problems are reported on the header line. */
export function readTidyHeader(
  header: string[],
  line: number,
  wanted: string[] | undefined,
  issues: TidyIssue[],
): TidyColumns | null {
  const names = header.map((h) => h.trim());
  const lower = names.map((h) => h.toLowerCase());
  const before = issues.length;
  const fixed = findFixed(lower, line, issues);
  let metricIndex: number[];
  if (wanted !== undefined) {
    metricIndex = wanted.map((metric) => {
      const index = names.indexOf(metric);
      return index === -1 ? lower.indexOf(metric.toLowerCase()) : index;
    });
    wanted.forEach((metric, k) => {
      if (metricIndex[k] === -1) issues.push({ line, message: `missing metric column "${metric}"` });
    });
  } else if (issues.length === before) {
    metricIndex = findMetrics(names, fixed, line, issues);
  } else metricIndex = [];
  if (issues.length > before) return null;
  const taken = new Set([...fixed.values(), ...metricIndex]);
  const extraIndex = names.map((_, i) => i).filter((i) => !taken.has(i));
  const extra = extraIndex.map((i) => names[i] as string);
  const metrics = wanted ?? metricIndex.map((i) => names[i] as string);
  // idea_code only labels rows (the idea is idea_id), so no analysis misses it.
  const absent = [...TIDY_LEADING, ...TIDY_TRAILING].filter((c) => !fixed.has(c) && c !== "idea_code");
  return { fixed, absent, metrics, metricIndex, extra, extraIndex };
}
