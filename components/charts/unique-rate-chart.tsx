"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { axisLabel, axisProps, chartMargin, gridProps, tooltipProps } from "./chart-style";

const COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"];

/**
 * Saturation of an overgenerate run: the share of each seed batch that survived dedup, per batch,
 * one line per topic (rows shaped by lib/ideation/unique-rate.ts; the page also lists the numbers).
 */
export function UniqueRateChart({
  rows,
  series,
  height = 240,
}: {
  rows: Record<string, number>[];
  series: { key: string; name: string }[];
  height?: number;
}) {
  return (
    <div data-testid="unique-rate-chart">
      <LineChart
        responsive
        data={rows}
        style={{ width: "100%", height }}
        margin={chartMargin({ bottom: 16 })}
      >
        <CartesianGrid {...gridProps()} />
        <XAxis dataKey="batch" {...axisProps} label={axisLabel("Seed batch")} />
        <YAxis domain={[0, 100]} unit="%" width={48} {...axisProps} />
        <Tooltip {...tooltipProps} />
        <Legend />
        {series.map((s, i) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.name}
            stroke={COLORS[i % COLORS.length]}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
