import type { ChartSeries } from "@/components/charts/chart-style";
import type { TidyTable } from "@/lib/stats";
import { runOneSampleTest } from "@/lib/stats/stdlib";

// The charts' data, shaped on the server from the same tidy table the statistics read. Series are
// keyed c0, c1, … (not by condition name: Recharts reads dots in a data key as a path).

export type { ChartSeries };

const PALETTE = [
  "var(--chart-1)",
  "var(--chart-2)",
  "var(--chart-3, #4f8a4b)",
  "var(--chart-4, #8a5ca8)",
  "var(--chart-5, #a8913a)",
  "var(--chart-6, #3f8f96)",
];

export function buildSeries(conditions: readonly string[]): ChartSeries[] {
  return conditions.map((name, i) => ({ key: `c${i}`, name, color: PALETTE[i % PALETTE.length] as string }));
}

function scoresOf(table: TidyTable, metric: string, keep: (row: TidyTable["rows"][number]) => boolean) {
  const out: number[] = [];
  for (const row of table.rows) {
    const v = row.scores[metric];
    if (v !== null && v !== undefined && keep(row)) out.push(v);
  }
  return out;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// --- mean ± 95% CI ----------------------------------------------------------------------------------

export type MeanCiCell = {
  metric: string;
  condition: string;
  n: number;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
};
export type MeanCiData = {
  series: ChartSeries[];
  /** One row per metric: c<i> = mean, c<i>Err = [mean − low, high − mean]. */
  rows: Record<string, string | number | number[] | null>[];
  cells: MeanCiCell[];
};

/** The t interval of one group's mean (reviews as units); a point when every score is equal. */
function meanInterval(xs: readonly number[]): Omit<MeanCiCell, "metric" | "condition"> {
  if (xs.length === 0) return { n: 0, mean: null, ciLow: null, ciHigh: null };
  const m = mean(xs);
  if (xs.length < 2) return { n: xs.length, mean: m, ciLow: null, ciHigh: null };
  if (xs.every((x) => x === xs[0])) return { n: xs.length, mean: m, ciLow: m, ciHigh: m };
  const test = runOneSampleTest(Float64Array.from(xs));
  return { n: xs.length, mean: m, ciLow: test.ciLow, ciHigh: test.ciHigh };
}

export function shapeMeanCi(
  table: TidyTable,
  metrics: readonly string[],
  series: readonly ChartSeries[],
): MeanCiData {
  const cells: MeanCiCell[] = [];
  const rows = metrics.map((metric) => {
    const row: Record<string, string | number | number[] | null> = { metric };
    for (const s of series) {
      const cell = meanInterval(scoresOf(table, metric, (r) => r.condition === s.name));
      cells.push({ metric, condition: s.name, ...cell });
      row[s.key] = cell.mean;
      row[`${s.key}Err`] =
        cell.mean === null || cell.ciLow === null || cell.ciHigh === null
          ? [0, 0]
          : [cell.mean - cell.ciLow, cell.ciHigh - cell.mean];
    }
    return row;
  });
  return { series: [...series], rows, cells };
}

// --- score distribution -------------------------------------------------------------------------------

export type DistributionData = {
  series: ChartSeries[];
  /** One row per score value: score (label), c<i> = count. */
  rows: Record<string, string | number>[];
};

export function shapeDistribution(
  table: TidyTable,
  metric: string,
  series: readonly ChartSeries[],
  /** The form's scale: every step from min to max gets a bar, given or not. */
  scale?: { min: number; max: number },
): DistributionData {
  const all = scoresOf(table, metric, () => true);
  let values = [...new Set(all)].sort((a, b) => a - b);
  // Whole-number scales show every step, so a score nobody gave appears as an empty bar; with the
  // form's scale known, the steps run over the whole scale (1–10 shows 10 bars however scores fell).
  const lo = Math.min(values[0] ?? Number.POSITIVE_INFINITY, scale?.min ?? Number.POSITIVE_INFINITY);
  const hi = Math.max(values.at(-1) ?? Number.NEGATIVE_INFINITY, scale?.max ?? Number.NEGATIVE_INFINITY);
  if (
    Number.isFinite(lo) &&
    Number.isFinite(hi) &&
    [lo, hi, ...values].every(Number.isInteger) &&
    hi - lo <= 20
  )
    values = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const rows = values.map((value) => {
    const row: Record<string, string | number> = { score: String(value) };
    for (const s of series) {
      row[s.key] = scoresOf(
        table,
        metric,
        (r) => r.condition === s.name && r.scores[metric] === value,
      ).length;
    }
    return row;
  });
  return { series: [...series], rows };
}

// --- per-reviewer differences (unit = reviewer) ------------------------------------------------------------

export type ReviewerDiffData = {
  series: ChartSeries[];
  /** One row per bin: bin (label), from, to, c<i> = reviewers whose d falls in it. */
  rows: Record<string, string | number>[];
  /** Reviewers with both conditions, per non-baseline condition. */
  counts: { condition: string; reviewers: number }[];
};

/** d = mean(C) − mean(B) for each reviewer who scored the metric in both, as lib/stats computes it. */
function reviewerDifferences(table: TidyTable, metric: string, condition: string, baseline: string) {
  const sums = new Map<string, { c: number[]; b: number[] }>();
  for (const row of table.rows) {
    const v = row.scores[metric];
    if (v === null || v === undefined) continue;
    if (row.condition !== condition && row.condition !== baseline) continue;
    const entry = sums.get(row.reviewerId) ?? { c: [], b: [] };
    (row.condition === condition ? entry.c : entry.b).push(v);
    sums.set(row.reviewerId, entry);
  }
  const out: number[] = [];
  for (const { c, b } of sums.values()) {
    if (c.length > 0 && b.length > 0) out.push(Number((mean(c) - mean(b)).toPrecision(12)));
  }
  return out;
}

const STEPS = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100];

export function shapeReviewerDiffs(
  table: TidyTable,
  metric: string,
  baseline: string,
  series: readonly ChartSeries[],
): ReviewerDiffData {
  const compared = series.filter((s) => s.name !== baseline);
  const diffs = compared.map((s) => reviewerDifferences(table, metric, s.name, baseline));
  const all = diffs.flat();
  const counts = compared.map((s, i) => ({ condition: s.name, reviewers: (diffs[i] as number[]).length }));
  if (all.length === 0) return { series: compared, rows: [], counts };
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  // Equal differences get one bin of width 1 rather than a sliver.
  const width = hi === lo ? 1 : (STEPS.find((w) => (hi - lo) / w <= 12) ?? Math.ceil((hi - lo) / 12));
  const start = Math.floor(lo / width) * width;
  const binCount = Math.max(1, Math.floor((hi - start) / width) + 1);
  const label = (x: number) => String(Number(x.toPrecision(6)));
  const rows = Array.from({ length: binCount }, (_, k) => {
    const from = start + k * width;
    const to = from + width;
    const row: Record<string, string | number> = { bin: `${label(from)} to ${label(to)}`, from, to };
    compared.forEach((s, i) => {
      row[s.key] = (diffs[i] as number[]).filter(
        (d) => Math.min(binCount - 1, Math.floor((d - start) / width + 1e-9)) === k,
      ).length;
    });
    return row;
  });
  return { series: compared, rows, counts };
}

// --- per-topic means ------------------------------------------------------------------------------------

export type TopicMeansData = {
  series: ChartSeries[];
  /** One row per topic: topic, c<i> = mean (null without scores), c<i>N = number of scores. */
  rows: Record<string, string | number | null>[];
};

export function shapeTopicMeans(
  table: TidyTable,
  metric: string,
  series: readonly ChartSeries[],
): TopicMeansData {
  const topics = [...new Set(table.rows.map((r) => r.topic))].sort((a, b) => a.localeCompare(b));
  const rows = topics.map((topic) => {
    const row: Record<string, string | number | null> = { topic };
    for (const s of series) {
      const xs = scoresOf(table, metric, (r) => r.topic === topic && r.condition === s.name);
      row[s.key] = xs.length === 0 ? null : mean(xs);
      row[`${s.key}N`] = xs.length;
    }
    return row;
  });
  return { series: [...series], rows };
}
