"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import {
  axisLabel,
  axisProps,
  barCursor,
  type ChartSeries,
  chartMargin,
  gridProps,
  tooltipProps,
} from "./chart-style";

/**
 * Histogram of each reviewer's difference d = mean(condition) − mean(baseline) for one metric
 * (the observations of the unit=reviewer test); rows: `bin`, `c<i>` = reviewers in it.
 */
export function ReviewerDiffChart({
  rows,
  series,
  baseline,
  height = 240,
}: {
  rows: Record<string, string | number>[];
  series: ChartSeries[];
  baseline: string;
  height?: number;
}) {
  return (
    <div data-testid="chart-reviewer-diff">
      <BarChart responsive data={rows} style={{ width: "100%", height }} margin={chartMargin({ bottom: 16 })}>
        <CartesianGrid {...gridProps()} />
        <XAxis dataKey="bin" {...axisProps} label={axisLabel(`d = condition − ${baseline}`)} />
        <YAxis allowDecimals={false} width={40} {...axisProps} />
        <Tooltip {...tooltipProps} cursor={barCursor} />
        <Legend verticalAlign="top" itemSorter={null} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={`${s.name} − ${baseline}`}
            fill={s.color}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
