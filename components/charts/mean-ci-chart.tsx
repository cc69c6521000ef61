"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, Tooltip, XAxis, YAxis } from "recharts";
import {
  axisProps,
  barCursor,
  type ChartSeries,
  chartMargin,
  gridProps,
  roundForTooltip,
  tooltipProps,
} from "./chart-style";

/**
 * Per metric, the mean score of each condition with its 95% confidence interval as an error bar
 * (reviews as units). Rows come shaped by the server: `c<i>` the mean, `c<i>Err` [below, above].
 */
export function MeanCiChart({
  rows,
  series,
  height = 280,
}: {
  rows: Record<string, string | number | number[] | null>[];
  series: ChartSeries[];
  height?: number;
}) {
  return (
    <div data-testid="chart-mean-ci">
      <BarChart responsive data={rows} style={{ width: "100%", height }} margin={chartMargin()}>
        <CartesianGrid {...gridProps()} />
        <XAxis dataKey="metric" {...axisProps} />
        <YAxis width={40} {...axisProps} />
        <Tooltip {...tooltipProps} formatter={roundForTooltip} cursor={barCursor} />
        <Legend itemSorter={null} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false}>
            <ErrorBar
              dataKey={`${s.key}Err`}
              width={6}
              stroke="var(--foreground)"
              isAnimationActive={false}
            />
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}
