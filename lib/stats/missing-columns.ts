// Analyses that need a column an external table may lack: unit reviewer needs reviewer ids, the
// per-topic breakdown and the topic-balance check need topics. Without them the analysis is
// skipped and says which column it needs; with some rows lacking them, those rows are left out
// and a warning counts them.
import type { IndexedReviews } from "./indexed";

/** The note of every unit=reviewer row when no row has a reviewer id; null when some do. */
export function reviewerUnitSkipNote(data: IndexedReviews): string | null {
  if (data.rowsWithReviewer > 0) return null;
  return 'skipped: unit=reviewer needs reviewer ids (column "reviewer_id"), and no row has one';
}

/** The note of the per-topic breakdown when no row has a topic; null when some do. */
export function topicSkipNote(data: IndexedReviews): string | null {
  if (data.rowsWithTopic > 0) return null;
  return 'skipped: the per-topic breakdown needs topics (column "topic"), and no row has one';
}

const rowsWord = (n: number) => `${n} ${n === 1 ? "row has" : "rows have"}`;

/** Warnings for columns that are missing everywhere or in some rows. */
export function warnMissingColumns(data: IndexedReviews): string[] {
  const n = data.condition.length;
  if (n === 0) return [];
  const out: string[] = [];
  if (data.rowsWithReviewer === 0)
    out.push('no reviewer ids (column "reviewer_id"): the reviewer-level test is skipped');
  else if (data.rowsWithReviewer < n)
    out.push(
      `${rowsWord(n - data.rowsWithReviewer)} no reviewer id; the reviewer-level test leaves them out`,
    );
  if (data.rowsWithTopic === 0)
    out.push('no topics (column "topic"): the per-topic breakdown and the topic balance check are skipped');
  else if (data.rowsWithTopic < n)
    out.push(`${rowsWord(n - data.rowsWithTopic)} no topic; the per-topic breakdown leaves them out`);
  return out;
}
