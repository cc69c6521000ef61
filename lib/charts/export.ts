// Pure helpers for downloading a chart as a figure for a paper: the publication size (a one-column
// figure 6.5 in wide; PNG at 300 dpi) and each chart's data as CSV, with series named by their
// condition rather than the chart's internal keys (c0, c1, …).
import { type CsvValue, toCsv } from "@/lib/csv/write";

/** Width of the exported figure in inches, and the PNG resolution. */
export const FIGURE_WIDTH_IN = 6.5;
export const FIGURE_DPI = 300;

export type FigureSize = { widthIn: number; heightIn: number; pngWidth: number; pngHeight: number };

/** The on-screen chart's aspect ratio at publication width; a chart with no size gets 6.5 × 4 in. */
export function figureSize(screenWidth: number, screenHeight: number): FigureSize {
  const ratio = screenWidth > 0 && screenHeight > 0 ? screenHeight / screenWidth : 4 / FIGURE_WIDTH_IN;
  const heightIn = Math.round(FIGURE_WIDTH_IN * ratio * 100) / 100;
  return {
    widthIn: FIGURE_WIDTH_IN,
    heightIn,
    pngWidth: Math.round(FIGURE_WIDTH_IN * FIGURE_DPI),
    pngHeight: Math.round(heightIn * FIGURE_DPI),
  };
}

export type Series = { key: string; name: string };

/**
 * A chart's rows as CSV: the label columns first, then one column per series (named by the series)
 * and, for each `suffix`, a column `<name><suffix>` (e.g. " n" for counts kept under `c0N`).
 */
export function seriesRowsCsv(
  rows: readonly Record<string, unknown>[],
  labels: readonly string[],
  series: readonly Series[],
  suffixes: readonly { key: string; label: string }[] = [],
): string {
  const columns = [
    ...labels,
    ...series.flatMap((s) => [s.name, ...suffixes.map((x) => `${s.name}${x.label}`)]),
  ];
  const cell = (v: unknown): CsvValue =>
    typeof v === "number" ? (Number.isFinite(v) ? v : null) : typeof v === "string" ? v : null;
  return toCsv({
    columns,
    rows: rows.map((row) => [
      ...labels.map((l) => cell(row[l])),
      ...series.flatMap((s) => [cell(row[s.key]), ...suffixes.map((x) => cell(row[`${s.key}${x.key}`]))]),
    ]),
  });
}

/** "chart-distribution-novelty.svg": safe file names from the chart and its subject. */
export function figureFileName(base: string, ext: "svg" | "png" | "csv"): string {
  const safe = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${safe || "chart"}.${ext}`;
}
