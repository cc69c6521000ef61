// Number formats of the paper-style tables (page, LaTeX, Markdown): means and differences with two
// decimals, p with three (or "< 0.001"), so every writer prints the same strings.

/** Two decimals; "−" is left to the writer (LaTeX wants math-mode minus). Null → "". */
export function fixed2(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return "";
  const text = x.toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}

/** "0.004", "< 0.001", "1.000"; null → "". */
export function formatPValue(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return "";
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

/** "5.64 ± 1.77 (109)"; a group with one value has no SD: "5.00 (1)". */
export function formatMeanSd(mean: number | null, sd: number | null, n: number): string {
  if (mean === null) return `— (${n})`;
  return sd === null ? `${fixed2(mean)} (${n})` : `${fixed2(mean)} ± ${fixed2(sd)} (${n})`;
}

/** "0.80 [0.34, 1.27]"; "" without a test. */
export function formatDiffCi(diff: number | null, low: number | null, high: number | null): string {
  if (diff === null) return "";
  if (low === null || high === null) return fixed2(diff);
  return `${fixed2(diff)} [${fixed2(low)}, ${fixed2(high)}]`;
}
