// Formatting shared by pages, messages and emails, so the same thing reads the same everywhere.
// Times are shown in UTC (one clock for every participant of a study, whatever their time zone),
// numbers in en-US, missing numbers as an en dash.

/** "1 idea", "3 ideas"; `many` for irregular plurals ("1 vote has", "2 votes have"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2026-05-04" (UTC). */
export function formatUtcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2026-05-04 13:07 UTC"; `seconds` adds ":09", `zone: false` leaves out " UTC". */
export function formatUtcDateTime(ms: number, { seconds = false, zone = true } = {}): string {
  const text = new Date(ms)
    .toISOString()
    .slice(0, seconds ? 19 : 16)
    .replace("T", " ");
  return zone ? `${text} UTC` : text;
}

/** "12,345". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** `n` with `digits` decimals, or "–" when there is no number. */
export function formatFixed(n: number | null, digits: number): string {
  return n === null ? "–" : n.toFixed(digits);
}

/** A rate in [0, 1] as "42.5%", or "–" when there is none. */
export function formatPercent(rate: number | null, digits = 1): string {
  return rate === null ? "–" : `${(rate * 100).toFixed(digits)}%`;
}
