"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, Tooltip, XAxis, YAxis } from "recharts";

export type ChartSeries = { key: string; name: string; color: string };

const axis = { stroke: "var(--foreground-soft)", tick: { fill: "var(--foreground-soft)", fontSize: 12 } };
const tooltipStyle = {
  background: "var(--surface)",
  border: "1px solid var(--border)",
  color: "var(--foreground)",
};

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
      <BarChart
        responsive
        data={rows}
        style={{ width: "100%", height }}
        margin={{ top: 16, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="metric" {...axis} />
        <YAxis width={40} {...axis} />
        <Tooltip
          isAnimationActive={false}
          formatter={(value) => (typeof value === "number" ? Number(value.toFixed(3)) : value)}
          contentStyle={tooltipStyle}
          cursor={{ fill: "var(--muted)" }}
        />
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
