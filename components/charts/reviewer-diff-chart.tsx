"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartSeries } from "./mean-ci-chart";

const axis = { stroke: "var(--foreground-soft)", tick: { fill: "var(--foreground-soft)", fontSize: 12 } };

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
      <BarChart
        responsive
        data={rows}
        style={{ width: "100%", height }}
        margin={{ top: 16, right: 16, bottom: 16, left: 0 }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="bin"
          {...axis}
          label={{
            value: `d = condition − ${baseline}`,
            position: "insideBottom",
            offset: -8,
            fill: "var(--foreground-soft)",
            fontSize: 12,
          }}
        />
        <YAxis allowDecimals={false} width={40} {...axis} />
        <Tooltip
          isAnimationActive={false}
          contentStyle={{
            background: "var(--surface)",
            border: "1px solid var(--border)",
            color: "var(--foreground)",
          }}
          cursor={{ fill: "var(--muted)" }}
        />
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
