"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartSeries } from "./mean-ci-chart";

const axis = { stroke: "var(--foreground-soft)", tick: { fill: "var(--foreground-soft)", fontSize: 12 } };

/** Mean score per topic and condition for one metric (reviews as units); rows: `topic`, `c<i>` = mean. */
export function TopicMeansChart({
  rows,
  series,
  height = 240,
}: {
  rows: Record<string, string | number | null>[];
  series: ChartSeries[];
  height?: number;
}) {
  return (
    <div data-testid="chart-topic-means">
      <BarChart
        responsive
        data={rows}
        style={{ width: "100%", height }}
        margin={{ top: 16, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="topic" {...axis} />
        <YAxis width={40} {...axis} />
        <Tooltip
          isAnimationActive={false}
          formatter={(value) => (typeof value === "number" ? Number(value.toFixed(3)) : value)}
          contentStyle={{
            background: "var(--surface)",
            border: "1px solid var(--border)",
            color: "var(--foreground)",
          }}
          cursor={{ fill: "var(--muted)" }}
        />
        <Legend verticalAlign="top" itemSorter={null} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
