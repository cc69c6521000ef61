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

/** How many reviews gave each score, one bar per condition; rows: `score`, `c<i>` = count. */
export function ScoreDistributionChart({
  rows,
  series,
  metric,
  height = 240,
}: {
  rows: Record<string, string | number>[];
  series: ChartSeries[];
  metric: string;
  height?: number;
}) {
  return (
    <div data-testid="chart-distribution">
      <BarChart responsive data={rows} style={{ width: "100%", height }} margin={chartMargin({ bottom: 16 })}>
        <CartesianGrid {...gridProps()} />
        <XAxis dataKey="score" {...axisProps} label={axisLabel(`${metric} score`)} />
        <YAxis allowDecimals={false} width={40} {...axisProps} />
        <Tooltip {...tooltipProps} cursor={barCursor} />
        <Legend verticalAlign="top" itemSorter={null} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
