// Multiple-comparison correction over families of rows. Only rows with a p are in a family: a
// row that could not be tested is not a test, so it neither counts towards m nor gets a p.
import type { SignificanceRow } from "./compare";
import { adjustPValues, type Correction } from "./stdlib";

export const CORRECTIONS: readonly Correction[] = ["bonferroni", "holm", "bh"];

/** Stars from the adjusted p: * < 0.05, ** < 0.01, *** < 0.001. */
export function formatStars(p: number | null): string {
  if (p === null) return "";
  if (p < 0.001) return "***";
  if (p < 0.01) return "**";
  if (p < 0.05) return "*";
  return "";
}

/** Fills pAdjusted, stars and correction on each row, correcting within each family. */
export function applyCorrection<R extends SignificanceRow>(
  rows: R[],
  correction: Correction,
  familyOf: (row: R) => string,
): R[] {
  const families = new Map<string, R[]>();
  for (const row of rows) {
    if (row.pValue === null) continue;
    const key = familyOf(row);
    const family = families.get(key);
    if (family === undefined) families.set(key, [row]);
    else family.push(row);
  }
  const adjusted = new Map<R, number>();
  for (const family of families.values()) {
    const ps = adjustPValues(
      family.map((row) => row.pValue as number),
      correction,
    );
    family.forEach((row, i) => {
      adjusted.set(row, ps[i] as number);
    });
  }
  return rows.map((row) => {
    const p = adjusted.get(row) ?? null;
    return { ...row, correction, pAdjusted: p, stars: formatStars(p) };
  });
}
