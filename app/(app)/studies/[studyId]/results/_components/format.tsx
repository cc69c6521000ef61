import type { SignificanceRow, Unit } from "@/lib/stats";

// Display rounding for the page; the CSV downloads and each cell's title keep full precision.

/** 3 decimals from 1 up, 3 significant digits below (so small p-values keep their digits). */
export function formatStat(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (Number.isInteger(value)) return String(value);
  const rounded = Math.abs(value) >= 1 ? Number(value.toFixed(3)) : Number(value.toPrecision(3));
  return String(rounded);
}

/** A right-aligned number cell: rounded text, the exact value on hover. */
export function NumCell({ value }: { value: number | null | undefined }) {
  return (
    <td
      className="py-1 pr-3 text-right tabular-nums"
      title={value === null || value === undefined ? undefined : String(value)}
    >
      {formatStat(value)}
    </td>
  );
}

const AS_UNITS: Record<Unit, string> = {
  review: "reviews as units",
  idea: "ideas as units",
  reviewer: "reviewers as units",
};

const formatP = (p: number) => (p < 0.001 ? "p_adj < 0.001" : `p_adj = ${p.toFixed(3)}`);

/**
 * "AI ideas scored higher on novelty than Human ideas: 5.64 vs 4.84, p_adj = 0.004, reviews as
 * units" — for rows whose adjusted p earns a star; null otherwise.
 */
export function describeResult(row: SignificanceRow): string | null {
  if (row.stars === "" || row.pAdjusted === null) return null;
  if (row.meanCondition === null || row.meanBaseline === null || row.meanDiff === null) return null;
  const direction = row.meanDiff > 0 ? "higher" : "lower";
  return `${row.condition} ideas scored ${direction} on ${row.metric} than ${row.baseline} ideas: ${row.meanCondition.toFixed(2)} vs ${row.meanBaseline.toFixed(2)}, ${formatP(row.pAdjusted)}, ${AS_UNITS[row.unit]}`;
}
