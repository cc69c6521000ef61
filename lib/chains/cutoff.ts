// The study's literature cut-off, applied by the builder to every paper it accepts even though the
// store applies it too: a connector or a store bug must not let a later paper inform the ideas.
// Same rule as the store (an effective date known and strictly before the cut-off).

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The paper's date, a month's last day for YYYY-MM, or 31 December of its year; null if unknown. */
export function effectiveDate(paper: { date: string | null; year: number | null }): string | null {
  const date = paper.date?.trim() ?? "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) {
    const days = DAYS_IN_MONTH[Number(month[2]) - 1];
    if (days !== undefined) return `${month[1]}-${month[2]}-${days}`;
  }
  return paper.year === null ? null : `${String(paper.year).padStart(4, "0")}-12-31`;
}

/** True when no cut-off is set, or the paper's effective date is known and before it. */
export function passesCutoff(
  paper: { date: string | null; year: number | null },
  before: string | null,
): boolean {
  if (before === null) return true;
  const date = effectiveDate(paper);
  return date !== null && date < before;
}
