// Waits between connector retries: Retry-After when the server sends one, else exponential backoff.
// Both are capped so no request waits without bound.

export const MAX_RETRY_WAIT_MS = 60_000;
const BASE_BACKOFF_MS = 500;

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The wait before retry number attempt+1 (attempt counts from 0). */
export function retryDelayMs(attempt: number, retryAfterMs: number | null): number {
  const backoff = BASE_BACKOFF_MS * 2 ** attempt;
  return Math.min(MAX_RETRY_WAIT_MS, retryAfterMs ?? backoff);
}
