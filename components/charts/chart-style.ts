// The look the Recharts charts share, in one place: colors come from CSS variables (so light and
// dark themes follow), axes are soft with small ticks, the grid is dashed along one direction, the
// tooltip uses the surface colors, and nothing animates (charts show data already shaped on the
// server, and a moving bar reads as a changing number).

/** One bar series: `key` is the data column, `color` a CSS color (a chart variable). */
export type ChartSeries = { key: string; name: string; color: string };

/** Spread on XAxis/YAxis. */
export const axisProps = {
  stroke: "var(--foreground-soft)",
  tick: { fill: "var(--foreground-soft)", fontSize: 12 },
};

/** An axis title under the X axis (pair with chartMargin({ bottom: 16 })). */
export function axisLabel(value: string) {
  return {
    value,
    position: "insideBottom" as const,
    offset: -8,
    fill: "var(--foreground-soft)",
    fontSize: 12,
  };
}

/** Spread on CartesianGrid: dashed lines across the value axis only (horizontal lines by default). */
export function gridProps(lines: "horizontal" | "vertical" = "horizontal") {
  return {
    stroke: "var(--border)",
    strokeDasharray: "3 3",
    ...(lines === "horizontal" ? { vertical: false } : { horizontal: false }),
  };
}

/** Room around the plot; the left is 0 because the Y axis has its own width. */
export function chartMargin({ top = 16, bottom = 0 }: { top?: number; bottom?: number } = {}) {
  return { top, right: 16, bottom, left: 0 };
}

/** Spread on Tooltip. */
export const tooltipProps = {
  isAnimationActive: false,
  contentStyle: {
    background: "var(--surface)",
    border: "1px solid var(--border)",
    color: "var(--foreground)",
  },
};

/** Tooltip cursor for bar charts. */
export const barCursor = { fill: "var(--muted)" };

/** Tooltip numbers to three decimals, other values as they are. */
export function roundForTooltip<T>(value: T): T | number {
  return typeof value === "number" ? Number(value.toFixed(3)) : value;
}
